using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Features.Reports.Pdf;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Reports;

/// <summary>The report of a completed session: its numbers, who reads which part, and the educator's text.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionReportTests(SessionsAppFactory app)
{
    private static readonly string[] ClassNames = ["Amal", "Badr", "Carim", "Dana"];

    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_report_of_a_run_session_has_the_hand_computed_numbers()
    {
        var scene = await ReportScene.RunAsync(app);
        using var teacher = await _data.ClientForAsync(scene.Educator);

        var report = await (await teacher.GetAsync(scene.ReportUrl)).ShouldBeOkAsync();

        var timing = report.GetProperty("timing");
        Assert.Equal(Instant(scene.At(0)), timing.GetProperty("scheduledStart").GetDateTimeOffset());
        Assert.Equal(Instant(scene.At(60)), timing.GetProperty("scheduledEnd").GetDateTimeOffset());
        Assert.Equal(Instant(scene.At(7)), timing.GetProperty("actualStart").GetDateTimeOffset());
        Assert.Equal(Instant(scene.At(62)), timing.GetProperty("actualEnd").GetDateTimeOffset());
        Assert.Equal(7, timing.GetProperty("startLatenessMinutes").GetDouble());
        Assert.Equal(55, timing.GetProperty("durationMinutes").GetDouble());

        var attendance = report.GetProperty("attendance");
        Assert.Equal(4, attendance.GetProperty("enrolled").GetInt32());
        Assert.Equal(3, attendance.GetProperty("attended").GetInt32());
        Assert.Equal(1, attendance.GetProperty("absent").GetInt32());
        Assert.Equal(["Carim"], attendance.GetProperty("absentNames").EnumerateArray().Select(n => n.GetString()));

        var students = report.GetProperty("students").EnumerateArray().ToList();
        Assert.Equal(["Amal", "Badr", "Carim", "Dana"], students.Select(s => s.GetProperty("displayName").GetString()));
        AssertLine(students[0], scene.At(7), minutes: 55, joins: 3, punctual: true, chat: 2);
        Assert.Equal([(7.0, 27.0), (25.0, 35.0), (30.0, 62.0)], students[0].GetProperty("intervals").EnumerateArray()
            .Select(i => (Minute(scene, i.GetProperty("joinedAt")), Minute(scene, i.GetProperty("leftAt")))));
        AssertLine(students[1], scene.At(15), minutes: 25, joins: 1, punctual: false, chat: 1);
        AssertLine(students[2], null, minutes: 0, joins: 0, punctual: false, chat: 0);
        Assert.False(students[2].GetProperty("attended").GetBoolean());
        Assert.Empty(students[2].GetProperty("intervals").EnumerateArray());
        AssertLine(students[3], scene.At(12), minutes: 13, joins: 2, punctual: true, chat: 0);
        Assert.Equal(scene.Amal.Email, students[0].GetProperty("email").GetString());

        var chat = report.GetProperty("chatMessages").EnumerateArray()
            .ToDictionary(c => c.GetProperty("userId").GetString()!, c => (c.GetProperty("role").GetString(), c.GetProperty("messages").GetInt32()));
        Assert.Equal(3, chat.Count);
        Assert.Equal((ChatRoles.Educator, 2), chat[scene.Educator.Id]);
        Assert.Equal((ChatRoles.Student, 2), chat[scene.Amal.Id]);
        Assert.Equal((ChatRoles.Student, 1), chat[scene.Badr.Id]);

        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray());
        Assert.Equal(Instant(scene.At(16)), issue.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(scene.Badr.Id, issue.GetProperty("actorId").GetString());
        Assert.Equal("Badr", issue.GetProperty("actorName").GetString());
        Assert.Equal(ReportScene.IssueText, issue.GetProperty("text").GetString());

        var ratings = report.GetProperty("ratings");
        Assert.Equal(2, ratings.GetProperty("count").GetInt32());
        var averages = ratings.GetProperty("averages");
        Assert.Equal(3.5, averages.GetProperty("overall").GetDouble());
        Assert.Equal(3.5, averages.GetProperty("contentClarity").GetDouble());
        Assert.Equal(4, averages.GetProperty("engagement").GetDouble());
        Assert.Equal(3, averages.GetProperty("audioVideoQuality").GetDouble());
        Assert.Equal(3.5, averages.GetProperty("pace").GetDouble());
        Assert.Equal("", report.GetProperty("narrative").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_student_reads_only_their_own_line_and_the_narrative_only_once_it_is_shared()
    {
        var scene = await ReportScene.RunAsync(app);
        using var teacher = await _data.ClientForAsync(scene.Educator);
        using var amal = await _data.ClientForAsync(scene.Amal);
        await (await teacher.PutAsJsonAsync(scene.ReportUrl, new { summary = "Fractions went well.", recommendations = "Revise page 12.", shareWithStudents = false }))
            .ShouldBeOkAsync();

        var hidden = await (await amal.GetAsync(scene.ReportUrl)).ShouldBeOkAsync();

        var line = Assert.Single(hidden.GetProperty("students").EnumerateArray());
        Assert.Equal(scene.Amal.Id, line.GetProperty("userId").GetString());
        Assert.Equal(55, line.GetProperty("minutesPresent").GetDouble());
        Assert.Equal(scene.Amal.Id, Assert.Single(hidden.GetProperty("chatMessages").EnumerateArray()).GetProperty("userId").GetString());
        Assert.Empty(hidden.GetProperty("attendance").GetProperty("absentNames").EnumerateArray());
        Assert.Empty(hidden.GetProperty("issues").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("ratings").ValueKind);
        Assert.Equal("", hidden.GetProperty("narrative").GetProperty("summary").GetString());
        Assert.Equal("", hidden.GetProperty("narrative").GetProperty("recommendations").GetString());

        await (await teacher.PutAsJsonAsync(scene.ReportUrl, new { summary = "Fractions went well.", recommendations = "Revise page 12.", shareWithStudents = true }))
            .ShouldBeOkAsync();
        var shared = await (await amal.GetAsync(scene.ReportUrl)).ShouldBeOkAsync();

        Assert.Equal("Fractions went well.", shared.GetProperty("narrative").GetProperty("summary").GetString());
        Assert.Equal("Revise page 12.", shared.GetProperty("narrative").GetProperty("recommendations").GetString());
        Assert.Single(shared.GetProperty("students").EnumerateArray());
    }

    [Fact]
    public async Task The_narrative_is_stored_sanitized_and_audited_and_a_co_educator_or_admin_may_write_it()
    {
        var scene = await ReportScene.RunAsync(app);
        var coEducator = await _data.EducatorAsync("Mr. Co");
        await using (var db = await _data.DbAsync())
        {
            await _data.CoEducatorAsync(await db.Sessions.Where(s => s.Id == scene.SessionId).Select(s => s.ClassId).SingleAsync(), coEducator);
        }
        const string Summary = "Good **work** <script>alert(1)</script> and [a trap](javascript:alert(1)).";
        using var co = await _data.ClientForAsync(coEducator);

        var saved = await (await co.PutAsJsonAsync(scene.ReportUrl, new { summary = Summary, recommendations = "- [Practice](https://example.org/f)", shareWithStudents = true }))
            .ShouldBeOkAsync();

        var stored = ReportMarkdown.Sanitize(Summary);
        Assert.DoesNotContain("<script", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", stored, StringComparison.Ordinal);
        Assert.Equal(stored, saved.GetProperty("summary").GetString());
        Assert.Equal("Mr. Co", saved.GetProperty("updatedBy").GetString());
        Assert.Equal(Instant(app.Time.GetUtcNow().UtcDateTime), saved.GetProperty("updatedAt").GetDateTimeOffset());
        await using (var db = await _data.DbAsync())
        {
            var note = await db.SessionReportNotes.SingleAsync(n => n.SessionId == scene.SessionId);
            Assert.Equal(stored, note.Summary);
            Assert.Equal("- [Practice](https://example.org/f)", note.Recommendations);
            Assert.True(note.ShareWithStudents);
            Assert.Equal(coEducator.Id, note.UpdatedById);
            Assert.Contains(await db.AuditEntries.Where(a => a.TargetId == scene.SessionId.ToString()).Select(a => a.Action).ToListAsync(),
                action => action == AuditActions.ReportSaved);
        }

        using var admin = await _data.ClientForAsync(scene.Admin);
        await (await admin.PutAsJsonAsync(scene.ReportUrl, new { summary = "", recommendations = (string?)null, shareWithStudents = false })).ShouldBeOkAsync();
        await using (var db = await _data.DbAsync())
        {
            var note = await db.SessionReportNotes.SingleAsync(n => n.SessionId == scene.SessionId);
            Assert.Equal(("", "", false), (note.Summary, note.Recommendations, note.ShareWithStudents));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TargetId == scene.SessionId.ToString() && a.Action == AuditActions.ReportSaved));
        }
    }

    [Fact]
    public async Task Text_too_long_once_sanitized_or_with_control_characters_is_refused_field_by_field_in_the_callers_language()
    {
        var session = await app.SessionInAsync(SessionStatus.Completed);
        using var teacher = await _data.ClientForAsync(session.Educator);
        teacher.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        // Markup removed by sanitizing does not count: this one fits.
        var fits = new string('x', ReportMarkdown.MaxLength) + "<b></b>";

        var problem = await (await teacher.PutAsJsonAsync($"/api/sessions/{session.Session.Id}/report",
                new { summary = new string('x', ReportMarkdown.MaxLength + 1), recommendations = new string('y', ReportMarkdown.MaxLength + 1), shareWithStudents = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["recommendations", "summary"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("لا يزيد هذا الحقل على", errors.GetProperty("summary")[0].GetString(), StringComparison.Ordinal);
        // A NUL (which PostgreSQL cannot store) or another control character is refused as in every text people type.
        var control = await (await teacher.PutAsJsonAsync($"/api/sessions/{session.Session.Id}/report",
                new { summary = "Fine", recommendations = "a\u0000b", shareWithStudents = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["recommendations"], control.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await using (var db = await _data.DbAsync())
        {
            Assert.False(await db.SessionReportNotes.AnyAsync(n => n.SessionId == session.Session.Id));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.TargetId == session.Session.Id.ToString()));
        }
        await (await teacher.PutAsJsonAsync($"/api/sessions/{session.Session.Id}/report", new { summary = fits, recommendations = "", shareWithStudents = false }))
            .ShouldBeOkAsync();
        await using (var db = await _data.DbAsync())
        {
            Assert.Equal(ReportMarkdown.MaxLength, (await db.SessionReportNotes.SingleAsync(n => n.SessionId == session.Session.Id)).Summary.Length);
        }
    }

    [Theory]
    [InlineData(SessionStatus.Scheduled)]
    [InlineData(SessionStatus.InProgress)]
    [InlineData(SessionStatus.EndRequestPending)]
    [InlineData(SessionStatus.Cancelled)]
    public async Task A_session_that_is_not_completed_has_no_report(SessionStatus status)
    {
        var session = await app.SessionInAsync(status);
        using var teacher = await _data.ClientForAsync(session.Educator);
        using var student = await _data.ClientForAsync(session.Student);
        var url = $"/api/sessions/{session.Session.Id}/report";

        await (await teacher.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        await (await student.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        await (await teacher.GetAsync($"{url}.csv")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        await (await teacher.PutAsJsonAsync(url, new { summary = "x", recommendations = "y", shareWithStudents = false }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
    }

    [Fact]
    public async Task Outsiders_students_writing_and_unknown_sessions_are_refused_with_their_codes()
    {
        var session = await app.SessionInAsync(SessionStatus.Completed);
        var outsider = await _data.StudentAsync("Outsider");
        var otherEducator = await _data.EducatorAsync("Mr. Other");
        using var outsiderClient = await _data.ClientForAsync(outsider);
        using var otherClient = await _data.ClientForAsync(otherEducator);
        using var student = await _data.ClientForAsync(session.Student);
        var url = $"/api/sessions/{session.Session.Id}/report";
        var body = new { summary = "x", recommendations = "y", shareWithStudents = true };

        await (await outsiderClient.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await otherClient.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await outsiderClient.GetAsync($"{url}.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await otherClient.PutAsJsonAsync(url, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        Assert.Equal(HttpStatusCode.Forbidden, (await student.PutAsJsonAsync(url, body)).StatusCode);
        // The service refuses a student too, whichever way (a page) it is asked.
        var reports = app.Services.GetRequiredService<SessionReports>();
        Assert.Equal(SessionErrors.NotOwner, (await reports.SaveNarrativeAsync(TestData.ActorFor(session.Student, AppRoles.Student), session.Session.Id,
            new SaveReportRequest("x", "y", true), default)).Error);
        await (await student.GetAsync($"/api/sessions/{Guid.NewGuid()}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task The_csv_has_one_row_per_student_with_invariant_data()
    {
        var scene = await ReportScene.RunAsync(app);
        using var teacher = await _data.ClientForAsync(scene.Educator);

        var response = await teacher.GetAsync($"{scene.ReportUrl}.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"report-{scene.SessionId}.csv", response.Content.Headers.ContentDisposition?.FileName);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "student,email,attended,first_joined_at,minutes_present,joins,punctual,chat_messages",
            $"Amal,{scene.Amal.Email},yes,{Iso(scene.At(7))},55,3,yes,2",
            $"Badr,{scene.Badr.Email},yes,{Iso(scene.At(15))},25,1,no,1",
            $"Carim,{scene.Carim.Email},no,,0,0,no,0",
            $"Dana,{scene.Dana.Email},yes,{Iso(scene.At(12))},13,2,yes,0",
        ], rows);

        using var badr = await _data.ClientForAsync(scene.Badr);
        badr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var bytes = await (await badr.GetAsync($"{scene.ReportUrl}.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
        [
            "الطالب,البريد الإلكتروني,حضر,أول دخول (UTC),دقائق الحضور,مرات الدخول,في الموعد,رسائل المحادثة",
            $"Badr,{scene.Badr.Email},yes,{Iso(scene.At(15))},25,1,no,1",
        ], Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_pdf_is_the_report_on_the_paper_asked_for_and_a_student_s_holds_their_own_part()
    {
        var scene = await ReportScene.RunAsync(app);
        using var teacher = await _data.ClientForAsync(scene.Educator);
        using var badr = await _data.ClientForAsync(scene.Badr);

        var a4 = await DownloadedPdfAsync(teacher, $"{scene.ReportUrl}.pdf");
        var letter = await DownloadedPdfAsync(teacher, $"{scene.ReportUrl}.pdf?paper=letter");
        var own = await DownloadedPdfAsync(badr, $"{scene.ReportUrl}.pdf");

        Assert.Contains("Page size:       595 x 842 pts", Poppler.Info(a4), StringComparison.Ordinal);
        Assert.Contains("Page size:       612 x 792 pts", Poppler.Info(letter), StringComparison.Ordinal);
        var whole = Poppler.Text(a4);
        Assert.All(ClassNames, name => Assert.Contains(name, whole));
        var part = Poppler.Text(own);
        Assert.Contains("Badr", part);
        Assert.All(ClassNames.Where(name => name != "Badr"), name => Assert.DoesNotContain(name, part));
        var refused = await (await teacher.GetAsync($"{scene.ReportUrl}.pdf?paper=legal")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("paper", out _));
    }

    /// <summary>Downloads a PDF and keeps it as a file for poppler to read.</summary>
    private static async Task<string> DownloadedPdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static void AssertLine(JsonElement line, DateTime? firstJoined, double minutes, int joins, bool punctual, int chat)
    {
        var joined = line.GetProperty("firstJoinedAt");
        Assert.Equal(firstJoined is { } first ? Instant(first) : (DateTimeOffset?)null,
            joined.ValueKind == JsonValueKind.Null ? null : joined.GetDateTimeOffset());
        Assert.Equal(minutes, line.GetProperty("minutesPresent").GetDouble());
        Assert.Equal(joins, line.GetProperty("joins").GetInt32());
        Assert.Equal(punctual, line.GetProperty("punctual").GetBoolean());
        Assert.Equal(chat, line.GetProperty("chatMessages").GetInt32());
        Assert.Equal(joins > 0, line.GetProperty("attended").GetBoolean());
    }

    private static double Minute(ReportScene scene, JsonElement instant) => (instant.GetDateTimeOffset().UtcDateTime - scene.At(0)).TotalMinutes;

    private static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
