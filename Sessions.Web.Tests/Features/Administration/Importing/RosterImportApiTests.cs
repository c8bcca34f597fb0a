using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration.Importing;

/// <summary><c>POST /api/admin/imports</c>: a roster CSV is previewed, then applied once, and a second import changes nothing.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RosterImportApiTests(SessionsAppFactory app) : IAsyncLifetime
{
    private const string Header = "email,displayName,role,classCode,timeZone";

    private readonly TestData _data = app.Data;
    private HttpClient _admin = default!;
    private AppUser _educator = default!;
    private SchoolClass _algebra = default!;
    private SchoolClass _biology = default!;

    public async Task InitializeAsync()
    {
        _admin = await _data.ClientForAsync(await _data.AdminAsync());
        _educator = await _data.EducatorAsync("Ms. Owner");
        _algebra = await _data.ClassAsync(_educator);
        _biology = await _data.ClassAsync(_educator);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_dry_run_judges_every_row_says_what_it_would_do_and_writes_nothing()
    {
        var existing = await _data.StudentAsync("Already Here");
        var (ana, teacher) = (NewEmail(), NewEmail());
        var csv = Csv(
            $"{ana},Ana Lima,Student,{_algebra.Code},Europe/Lisbon",
            $"{ana},Ana Lima,student,{_biology.Code.ToLowerInvariant()},Europe/Lisbon",
            $"{existing.Email!.ToUpperInvariant()},Another Name,Student,{_algebra.Code},Asia/Tokyo",
            $"{teacher},Mr. Co,Educator,{_algebra.Code},Europe/Paris",
            $"{_educator.Email},Ms. Owner,Educator,{_algebra.Code},Europe/Paris");
        var before = await CountsAsync();

        var preview = await (await ImportAsync(csv, dryRun: true)).ShouldBeOkAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal(
            [(2, "new", "create"), (3, "new", "enrol"), (4, "exists", "enrol"), (5, "new", "create"), (6, "exists", "unchanged")],
            Rows(preview).Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("account").GetString(), r.GetProperty("action").GetString())));
        Assert.Equal(new Summary(5, 0, 2, 3, 1, 1), SummaryOf(preview));
        Assert.Empty(preview.GetProperty("passwordLinks").EnumerateArray());
    }

    [Fact]
    public async Task Applying_creates_enrols_and_adds_co_educators_in_one_audited_step_and_applying_again_changes_nothing()
    {
        var existing = await _data.StudentAsync("Already Here");
        var (ana, teacher) = (NewEmail(), NewEmail());
        var csv = Csv(
            $"{ana},Ana Lima,Student,{_algebra.Code},Europe/Lisbon",
            $"{existing.Email},Renamed?,Student,{_biology.Code},Asia/Tokyo",
            $"{teacher},Mr. Co,Educator,{_algebra.Code},Europe/Paris");
        var before = await CountsAsync();

        var applied = await (await ImportAsync(csv)).ShouldBeOkAsync();
        var afterFirst = await CountsAsync();
        var again = await (await ImportAsync(csv)).ShouldBeOkAsync();

        Assert.Equal(new Summary(3, 0, 2, 2, 1, 0), SummaryOf(applied));
        Assert.Equal(before with { Users = before.Users + 2, UserRoles = before.UserRoles + 2, Enrollments = before.Enrollments + 2, CoEducators = before.CoEducators + 1,
            Audit = before.Audit + 1 }, afterFirst);
        Assert.Equal(afterFirst, await CountsAsync());
        Assert.Equal(new Summary(3, 0, 0, 0, 0, 3), SummaryOf(again));
        Assert.Empty(again.GetProperty("passwordLinks").EnumerateArray());
        var links = applied.GetProperty("passwordLinks").EnumerateArray().ToList();
        Assert.Equal([ana, teacher], links.Select(l => l.GetProperty("email").GetString()));
        Assert.All(links, l => Assert.Equal(app.Time.GetUtcNow().AddHours(72), l.GetProperty("expiresAt").GetDateTimeOffset()));

        await using var db = await _data.DbAsync();
        var normalized = ana.ToUpperInvariant();
        var created = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
        Assert.Equal((ana, ana, normalized, "Ana Lima", "Europe/Lisbon", true), (created.UserName, created.Email,
            created.NormalizedUserName, created.DisplayName, created.TimeZoneId, created.EmailConfirmed));
        Assert.False(string.IsNullOrEmpty(created.SecurityStamp));
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == created.Id && r.RoleId == AppRoles.IdOf(AppRoles.Student)));
        Assert.True(await db.Enrollments.AnyAsync(e => e.StudentId == created.Id && e.ClassId == _algebra.Id));
        Assert.True(await db.ClassCoEducators.AnyAsync(c => c.ClassId == _algebra.Id && c.Educator!.Email == teacher));
        var untouched = await db.Users.AsNoTracking().SingleAsync(u => u.Id == existing.Id);
        Assert.Equal(("Already Here", "Europe/Paris"), (untouched.DisplayName, untouched.TimeZoneId));
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.RosterImported).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(64, audit.TargetId.Length);
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal(2, after.RootElement.GetProperty("summary").GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task An_existing_student_enrolled_by_an_import_hears_the_class_at_once()
    {
        var student = await _data.StudentAsync();
        await using var listener = await LiveListener.ConnectAsync(app, student);

        await (await ImportAsync(Csv($"{student.Email},Student,Student,{_biology.Code},Europe/Paris"))).ShouldBeOkAsync();

        Assert.Equal(new MembershipChangedMessage(_biology.Id, Enrolled: true), await listener.NextAsync<MembershipChangedMessage>());
    }

    [Fact]
    public async Task An_imported_student_sets_a_password_through_the_link_signs_in_and_sees_the_class()
    {
        var email = NewEmail();
        var applied = await (await ImportAsync(Csv($"{email},New Pupil,Student,{_algebra.Code},Europe/Paris"))).ShouldBeOkAsync();
        var url = new Uri(applied.GetProperty("passwordLinks")[0].GetProperty("url").GetString()!);
        var token = QueryHelpers.ParseQuery(url.Query)[SetPasswordLinks.TokenParameter].ToString();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null((await scope.ServiceProvider.GetRequiredService<PasswordSetting>().SetAsync(token, "N3w-Passw0rd!", "N3w-Passw0rd!")).Error);
        }
        using var anonymous = app.CreateClient();
        var signedIn = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "N3w-Passw0rd!" })).ShouldBeOkAsync();
        using var student = app.CreateClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.GetProperty("accessToken").GetString());
        var classes = await (await student.GetAsync("/api/me/classes")).ShouldBeOkAsync();

        Assert.Equal(_algebra.Id, Assert.Single(classes.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Every_kind_of_bad_row_is_named_with_its_row_number_and_applying_such_a_file_writes_nothing()
    {
        var student = await _data.StudentAsync();
        var archived = await _data.ClassAsync(_educator);
        await using (var db = await _data.DbAsync())
        {
            await db.Classes.Where(c => c.Id == archived.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ArchivedUtc, app.Time.GetUtcNow().UtcDateTime));
        }
        var (twice, conflicting) = (NewEmail(), NewEmail());
        var csv = Csv(
            $"not-an-email,Bad Email,Student,,Europe/Paris",
            $"{NewEmail()},,Student,,Europe/Paris",
            $"{NewEmail()},Unknown Role,Janitor,,Europe/Paris",
            $"{NewEmail()},Would Be Admin,Admin,,Europe/Paris",
            $"{NewEmail()},No Class,Student,NOPE-404,Europe/Paris",
            $"{NewEmail()},Archived,Student,{archived.Code},Europe/Paris",
            $"{NewEmail()},Bad Zone,Student,,Mars/Olympus_Mons",
            $"{twice},Twice,Student,{_algebra.Code},Europe/Paris",
            $"{twice},Twice,Student,{_algebra.Code},Europe/Paris",
            $"{conflicting},One Name,Student,,Europe/Paris",
            $"{conflicting},Another Name,Educator,{_algebra.Code},Europe/Paris",
            $"{student.Email},Student As Educator,Educator,,Europe/Paris",
            $"{NewEmail()},Fine,Student,,Europe/Paris");
        var before = await CountsAsync();

        var preview = await (await ImportAsync(csv, dryRun: true)).ShouldBeOkAsync();
        var refused = await (await ImportAsync(csv)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_rows");

        Assert.Equal(before, await CountsAsync());
        var errors = Rows(preview).Where(r => r.GetProperty("errors").GetArrayLength() > 0)
            .ToDictionary(r => r.GetProperty("row").GetInt32(), r => string.Join(" ", r.GetProperty("errors").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 10, 12, 13], errors.Keys);
        Assert.Contains("email", errors[2], StringComparison.Ordinal);
        Assert.Contains("display name is required", errors[3], StringComparison.Ordinal);
        Assert.Contains("Student or Educator", errors[4], StringComparison.Ordinal);
        Assert.Contains("Administrators are not imported", errors[5], StringComparison.Ordinal);
        Assert.Contains("no class with the code NOPE-404", errors[6], StringComparison.Ordinal);
        Assert.Contains("archived", errors[7], StringComparison.Ordinal);
        Assert.Contains("IANA", errors[8], StringComparison.Ordinal);
        Assert.Contains("Repeats row 9", errors[10], StringComparison.Ordinal);
        Assert.Contains("Row 11 gives this email a different display name, role", errors[12], StringComparison.Ordinal);
        Assert.Contains("exists as Student", errors[13], StringComparison.Ordinal);
        Assert.Equal(10, SummaryOf(preview).Invalid);
        Assert.Equal(errors.Keys, refused.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task Control_characters_in_any_field_are_row_errors_never_a_fault()
    {
        var csv = Csv($"nul\0{NewEmail()},Name\0,Student,AB\0C,Europe/Paris\0", $"{NewEmail()},Tab\tName,Student,,Europe/Paris");

        var preview = await (await ImportAsync(csv, dryRun: true)).ShouldBeOkAsync();

        Assert.Equal(4, Rows(preview)[0].GetProperty("errors").GetArrayLength());
        Assert.Single(Rows(preview)[1].GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("email,name,role,classCode,timeZone\nx@example.com,X,Student,,Europe/Paris\n", 1)]
    [InlineData("email,displayName,role,classCode,timeZone\nx@example.com,X,Student,Europe/Paris\n", 2)]
    [InlineData("email,displayName,role,classCode,timeZone\nx@example.com,X,Student,,Europe/Paris\n\"y@example.com,Y,Student,,Europe/Paris\n", 3)]
    public async Task A_malformed_file_is_invalid_csv_with_the_row_and_writes_nothing(string csv, int row)
    {
        var before = await CountsAsync();

        var problem = await (await ImportAsync(Encoding.UTF8.GetBytes(csv))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_csv");

        Assert.Equal(row, problem.GetProperty("row").GetInt32());
        Assert.StartsWith($"Row {row}:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_invalid_csv_naming_the_row_of_the_bad_byte()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\n{NewEmail()},Zoë,Student,,Europe/Paris\n");

        var problem = await (await ImportAsync(latin1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_csv");

        Assert.Equal(2, problem.GetProperty("row").GetInt32());
        Assert.Contains("not UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task Ten_megabytes_of_garbage_are_a_400_with_a_row_number_and_write_nothing(bool afterAHeader, int row)
    {
        var garbage = new byte[10 * 1024 * 1024];
        new Random(15).NextBytes(garbage);
        var body = afterAHeader ? [.. Encoding.UTF8.GetBytes(Header + "\n"), .. garbage] : garbage;
        var before = await CountsAsync();

        var problem = await (await ImportAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_csv");

        Assert.Equal(row, problem.GetProperty("row").GetInt32());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_semicolon_separated_file_with_a_byte_order_mark_and_quoted_fields_is_read()
    {
        var email = NewEmail();
        byte[] csv = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"TimeZone;Email;DisplayName;Role;ClassCode\r\nEurope/Paris;{email};\"Lima; Ana \"\"Ani\"\"\";Student;\r\n")];

        var preview = await (await ImportAsync(csv, dryRun: true)).ShouldBeOkAsync();

        var row = Assert.Single(Rows(preview));
        Assert.Equal(("Lima; Ana \"Ani\"", "create"), (row.GetProperty("displayName").GetString(), row.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_body_without_the_file_is_a_400_and_a_JSON_body_a_415()
    {
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var missing = await _admin.PostAsync("/api/admin/imports", empty);
        using var json = await _admin.PostAsJsonAsync("/api/admin/imports", new { file = "x" });

        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    private async Task<HttpResponseMessage> ImportAsync(string csv, bool dryRun = false) => await ImportAsync(Encoding.UTF8.GetBytes(csv), dryRun);

    private async Task<HttpResponseMessage> ImportAsync(byte[] file, bool dryRun = false)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "roster.csv");
        return await _admin.PostAsync($"/api/admin/imports?dryRun={(dryRun ? "true" : "false")}", content);
    }

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    private static string NewEmail() => $"import-{Guid.NewGuid():N}@test.example";

    private static List<JsonElement> Rows(JsonElement result) => [.. result.GetProperty("rows").EnumerateArray()];

    private static Summary SummaryOf(JsonElement result)
    {
        var s = result.GetProperty("summary");
        return new(s.GetProperty("rows").GetInt32(), s.GetProperty("invalid").GetInt32(), s.GetProperty("created").GetInt32(),
            s.GetProperty("enrolled").GetInt32(), s.GetProperty("coEducatorsAdded").GetInt32(), s.GetProperty("unchanged").GetInt32());
    }

    private async Task<Counts> CountsAsync()
    {
        await using var db = await _data.DbAsync();
        return new(await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.Enrollments.CountAsync(),
            await db.ClassCoEducators.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private sealed record Summary(int Rows, int Invalid, int Created, int Enrolled, int CoEducatorsAdded, int Unchanged);

    private sealed record Counts(int Users, int UserRoles, int Enrollments, int CoEducators, int Audit);
}
