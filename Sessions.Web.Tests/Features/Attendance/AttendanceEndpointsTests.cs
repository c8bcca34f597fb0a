using System.Net;
using System.Text;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Attendance;

[Collection(AppFixtureGroup.Name)]
public sealed class AttendanceEndpointsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_csv_gives_minutes_per_student_and_marks_the_absentees()
    {
        var educator = await _data.EducatorAsync();
        var ada = await _data.StudentAsync("Ada, \"the first\"");
        var bob = await _data.StudentAsync("Bob");
        var cy = await _data.StudentAsync("=Cy");
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, ada, bob, cy));
        using var teacher = await _data.ClientForAsync(educator);
        using var adaClient = await _data.ClientForAsync(ada);
        using var bobClient = await _data.ClientForAsync(bob);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await adaClient.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await (await bobClient.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await adaClient.PostAsync($"/api/sessions/{session.Id}/leave", null);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        using (var adaRenewed = await _data.ClientForAsync(ada))
        {
            await (await adaRenewed.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        }
        app.Time.Advance(TimeSpan.FromMinutes(5));
        // Nobody left before the end: open stays count until the end. (Bearer tokens live 15 minutes: the apps renew theirs.)
        using (var renewed = await _data.ClientForAsync(educator))
        {
            await (await renewed.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();
        }
        app.Time.Advance(TimeSpan.FromMinutes(30));
        using var reader = await _data.ClientForAsync(educator);

        var response = await reader.GetAsync($"/api/sessions/{session.Id}/attendance.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("student,email,first_joined_at,minutes_attended,absent", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("'=Cy,", rows.Single(r => r.Contains(cy.Email!, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",,0,yes", rows.Single(r => r.Contains(cy.Email!, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("\"Ada, \"\"the first\"\"\"", rows.Single(r => r.Contains(ada.Email!, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",15,no", rows.Single(r => r.Contains(ada.Email!, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",10,no", rows.Single(r => r.Contains(bob.Email!, StringComparison.Ordinal)), StringComparison.Ordinal);

        var report = await (await reader.GetAsync($"/api/sessions/{session.Id}/attendance")).ShouldBeOkAsync();
        Assert.Equal(cy.Id, Assert.Single(report.GetProperty("absentees").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task The_csv_header_follows_the_callers_language_and_the_data_stay_invariant()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync("Salma");
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var teacher = await _data.ClientForAsync(educator);
        teacher.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var bytes = await (await teacher.GetAsync($"/api/sessions/{session.Id}/attendance.csv")).Content.ReadAsByteArrayAsync();
        var rows = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The byte order mark first: without it Excel reads the file in the machine's ANSI code page and garbles the Arabic.
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("الطالب,البريد الإلكتروني,أول دخول (UTC),دقائق الحضور,غائب", rows[0]);
        Assert.Equal($"Salma,{student.Email},,0,yes", rows[1]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    public async Task A_name_that_could_start_a_spreadsheet_formula_is_written_as_text(string name, string field)
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync(name);
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var teacher = await _data.ClientForAsync(educator);

        var csv = await (await teacher.GetAsync($"/api/sessions/{session.Id}/attendance.csv")).Content.ReadAsStringAsync();

        Assert.Equal($"{field},{student.Email},,0,yes\r\n", csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task Only_the_sessions_educator_may_export_attendance()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var other = await _data.ClientForAsync(await _data.EducatorAsync());
        using var studentClient = await _data.ClientForAsync(student);

        await (await other.GetAsync($"/api/sessions/{session.Id}/attendance.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await studentClient.GetAsync($"/api/sessions/{session.Id}/attendance.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
