using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary><c>POST /api/classes</c>, <c>PATCH /api/classes/{id}</c> and <c>POST /api/classes/{id}/archive</c>: admins manage classes.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassAdministrationApiTests(SessionsAppFactory app) : IAsyncLifetime
{
    private readonly TestData _data = app.Data;
    private AppUser _admin = default!;
    private AppUser _educator = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _admin = await _data.AdminAsync();
        _educator = await _data.EducatorAsync();
        _client = await _data.ClientForAsync(_admin);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private static string NewCode() => $"c{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Creating_a_class_answers_201_stores_the_code_upper_case_and_records_it_in_the_audit_trail()
    {
        var code = NewCode();

        using var response = await _client.PostAsJsonAsync("/api/classes",
            new { name = " Algebra II ", code, subject = "Mathematics", educatorId = _educator.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Algebra II", created.GetProperty("name").GetString());
        Assert.Equal(code.ToUpperInvariant(), created.GetProperty("code").GetString());
        Assert.Equal(_educator.Id, created.GetProperty("educatorId").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("archivedAt").ValueKind);
        Assert.Equal($"/api/classes/{id}", response.Headers.Location?.OriginalString);
        await using var db = await _data.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Action == AuditActions.ClassCreated);
        Assert.Equal(_admin.Id, entry.ActorId);
        Assert.Null(entry.Before);
    }

    [Fact]
    public async Task A_code_another_class_has_in_any_case_is_refused_with_class_code_taken()
    {
        var other = await _data.ClassAsync(_educator);

        using var response = await _client.PostAsJsonAsync("/api/classes",
            new { name = "Copy", code = other.Code.ToLowerInvariant(), subject = "Mathematics", educatorId = _educator.Id });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_code_taken");
    }

    [Fact]
    public async Task A_bad_code_an_empty_name_and_subject_and_an_account_that_is_not_an_educator_are_each_named()
    {
        var student = await _data.StudentAsync();

        using var response = await _client.PostAsJsonAsync("/api/classes",
            new { name = " ", code = "no spaces!", subject = "", educatorId = student.Id });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["code", "name", "subject"], fields);

        using var notEducator = await _client.PostAsJsonAsync("/api/classes",
            new { name = "Real", code = NewCode(), subject = "Science", educatorId = student.Id });
        var refused = await notEducator.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["educatorId"], refused.GetProperty("errors").EnumerateObject().Select(f => f.Name));

        using var unknown = await _client.PostAsJsonAsync("/api/classes",
            new { name = "Real", code = NewCode(), subject = "Science", educatorId = "no-such-account" });
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("A")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    [InlineData("ÉCOLE")]
    public async Task A_code_of_the_wrong_length_or_characters_is_refused(string code)
    {
        using var response = await _client.PostAsJsonAsync("/api/classes",
            new { name = "Real", code, subject = "Science", educatorId = _educator.Id });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Editing_a_class_changes_only_what_is_given_and_refuses_a_taken_code()
    {
        var schoolClass = await _data.ClassAsync(_educator);
        var other = await _data.ClassAsync(_educator);
        var newEducator = await _data.EducatorAsync("Mr. New");

        using var response = await _client.PatchAsJsonAsync($"/api/classes/{schoolClass.Id}", new { name = "Renamed", educatorId = newEducator.Id });

        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed", changed.GetProperty("name").GetString());
        Assert.Equal(schoolClass.Code, changed.GetProperty("code").GetString());
        Assert.Equal(schoolClass.Subject, changed.GetProperty("subject").GetString());
        Assert.Equal(newEducator.Id, changed.GetProperty("educatorId").GetString());

        using var taken = await _client.PatchAsJsonAsync($"/api/classes/{schoolClass.Id}", new { code = other.Code.ToLowerInvariant() });
        await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_code_taken");

        using var missing = await _client.PatchAsJsonAsync("/api/classes/999999999", new { name = "Nobody's" });
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");

        using var bad = await _client.PatchAsJsonAsync($"/api/classes/{schoolClass.Id}", new { code = "x", educatorId = _admin.Id });
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        await using var db = await _data.DbAsync();
        var target = schoolClass.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.TargetId == target && e.Action == AuditActions.ClassUpdated));
    }

    [Fact]
    public async Task An_archived_class_takes_no_new_session_but_its_scheduled_sessions_still_start()
    {
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(_educator, student);
        var scheduled = await _data.SessionAsync(schoolClass);

        using var archived = await _client.PostAsync($"/api/classes/{schoolClass.Id}/archive", null);
        var body = await archived.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal(app.Time.GetUtcNow(), body.GetProperty("archivedAt").GetDateTimeOffset());
        using var again = await _client.PostAsync($"/api/classes/{schoolClass.Id}/archive", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var educator = await _data.ClientForAsync(_educator);
        using var booking = await educator.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = "After the end", type = "scheduled",
            scheduledStartTime = app.Time.GetUtcNow().AddDays(1), durationMinutes = 30,
        });
        await booking.ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_archived");
        using var instant = await educator.PostAsJsonAsync("/api/sessions", new { classId = schoolClass.Id, title = "Now", type = "instant", durationMinutes = 30 });
        await instant.ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_archived");

        using var start = await educator.PostAsync($"/api/sessions/{scheduled.Id}/start", null);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.True((await _data.ReloadAsync(scheduled.Id)).Status.IsLive());

        using var missing = await _client.PostAsync("/api/classes/999999999/archive", null);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");

        await using var db = await _data.DbAsync();
        var target = schoolClass.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.TargetId == target && e.Action == AuditActions.ClassArchived));
    }

    [Fact]
    public async Task Educators_and_students_are_forbidden()
    {
        var schoolClass = await _data.ClassAsync(_educator);
        foreach (var user in new[] { _educator, await _data.StudentAsync() })
        {
            using var client = await _data.ClientForAsync(user);
            using var create = await client.PostAsJsonAsync("/api/classes",
                new { name = "Mine", code = NewCode(), subject = "Science", educatorId = _educator.Id });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            using var edit = await client.PatchAsJsonAsync($"/api/classes/{schoolClass.Id}", new { name = "Mine" });
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            using var archive = await client.PostAsync($"/api/classes/{schoolClass.Id}/archive", null);
            Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        }
    }
}
