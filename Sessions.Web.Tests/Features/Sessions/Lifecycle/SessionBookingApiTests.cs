using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary><c>POST /api/sessions</c>, <c>PATCH /api/sessions/{id}</c> and <c>POST /api/sessions/{id}/cancel</c>.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionBookingApiTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Booking_a_scheduled_session_answers_201_with_it_and_tells_the_class()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);
        var startLocal = new DateTimeOffset(app.Time.GetUtcNow().Date.AddDays(3).AddHours(9), TimeSpan.FromHours(1));

        using var response = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id,
            title = "  Quadratics ",
            description = "Bring a calculator",
            type = "scheduled",
            scheduledStartTime = TestData.Iso(startLocal),
            durationMinutes = 50,
            settings = new { maxParticipants = 12, studentMediaEnabled = false },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = session.GetProperty("id").GetGuid();
        Assert.Equal($"/api/sessions/{id}", response.Headers.Location!.AbsolutePath);
        Assert.Equal("Quadratics", session.GetProperty("title").GetString());
        Assert.Equal("scheduled", session.GetProperty("status").GetString());
        Assert.Equal(startLocal, session.GetProperty("scheduledStartTime").GetDateTimeOffset());
        Assert.Equal(startLocal.UtcDateTime, (await _data.ReloadAsync(id)).ScheduledStartUtc);
        var settings = session.GetProperty("settings");
        Assert.Equal(12, settings.GetProperty("maxParticipants").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("chatEnabled").ValueKind);
        Assert.True(settings.GetProperty("effectiveChatEnabled").GetBoolean());
        Assert.False(settings.GetProperty("effectiveStudentMediaEnabled").GetBoolean());
        var heard = await listener.NextAsync<SessionScheduledMessage>();
        Assert.Equal((id, "Quadratics", startLocal), (heard.SessionId, heard.Title, heard.ScheduledStartDate));
    }

    [Fact]
    public async Task Booking_an_instant_session_starts_it_at_once()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions",
            new { classId = schoolClass.Id, title = "Quick review", type = "instant", durationMinutes = 20 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("in_progress", session.GetProperty("status").GetString());
        Assert.Equal("instant", session.GetProperty("type").GetString());
        Assert.Equal(session.GetProperty("id").GetGuid(), (await listener.NextAsync<SessionStartedMessage>()).SessionId);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once_and_nothing_is_stored()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id,
            title = " ",
            description = new string('d', Session.DescriptionMaxLength + 1),
            type = "scheduled",
            scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddDays(-1)),
            durationMinutes = 241,
            settings = new { maxParticipants = 0 },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["description", "durationMinutes", "scheduledStartTime", "settings.maxParticipants", "title"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await using var db = await _data.DbAsync();
        Assert.False(await db.Sessions.AnyAsync(s => s.ClassId == schoolClass.Id));
    }

    [Theory]
    [InlineData("scheduled", "2030-01-07T09:00:00", "scheduledStartTime")]
    [InlineData("scheduled", "next monday", "scheduledStartTime")]
    [InlineData("scheduled", null, "scheduledStartTime")]
    [InlineData("instant", "2030-01-07T09:00:00Z", "scheduledStartTime")]
    [InlineData("weekly", "2030-01-07T09:00:00Z", "type")]
    public async Task Times_need_an_offset_and_only_scheduled_sessions_take_one(string type, string? start, string field)
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions",
            new { classId = schoolClass.Id, title = "Algebra", type, scheduledStartTime = start, durationMinutes = 30 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Only_the_class_educator_may_book_for_it()
    {
        var (_, student, schoolClass) = await ClassWithStudentAsync();
        using var stranger = await _data.ClientForAsync(await _data.EducatorAsync());
        using var pupil = await _data.ClientForAsync(student);
        var body = new { classId = schoolClass.Id, title = "Mine", type = "instant", durationMinutes = 30 };

        await (await stranger.PostAsJsonAsync("/api/sessions", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        await (await pupil.PostAsJsonAsync("/api/sessions", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Editing_a_scheduled_session_changes_only_what_is_sent_and_students_see_it_live()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1), durationMinutes: 45);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);
        var newStart = app.Time.GetUtcNow().AddDays(2);

        var reply = await (await client.PatchAsJsonAsync($"/api/sessions/{session.Id}",
            new { title = "Fractions, part 2", scheduledStartTime = TestData.Iso(newStart), settings = new { chatEnabled = false } }))
            .ShouldBeOkAsync();

        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(("Fractions, part 2", newStart.UtcDateTime, 45, false), (stored.Title, stored.ScheduledStartUtc, stored.DurationMinutes, stored.Overrides.ChatEnabled));
        Assert.False(reply.GetProperty("settings").GetProperty("effectiveChatEnabled").GetBoolean());
        var heard = await listener.NextAsync<SessionUpdatedMessage>();
        Assert.Equal((session.Id, "Fractions, part 2", newStart, 45), (heard.SessionId, heard.Title, heard.ScheduledStartDate, heard.DurationMinutes));
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var client = await _data.ClientForAsync(educator);

        await (await client.PatchAsJsonAsync($"/api/sessions/{session.Id}", new { title = "Renamed", durationMinutes = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal((session.Title, session.DurationMinutes), (stored.Title, stored.DurationMinutes));
    }

    [Fact]
    public async Task Cancelling_keeps_the_reason_tells_the_class_and_the_session_can_never_start()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        var session = await _data.SessionAsync(schoolClass);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);

        var reply = await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = " Teacher training day " }))
            .ShouldBeOkAsync();

        Assert.Equal(("cancelled", "Teacher training day"),
            (reply.GetProperty("status").GetString(), reply.GetProperty("cancellationReason").GetString()));
        var heard = await listener.NextAsync<SessionCancelledMessage>();
        Assert.Equal((session.Id, "Teacher training day"), (heard.SessionId, heard.Reason));
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status");
    }

    [Fact]
    public async Task A_cancel_needs_no_body_but_refuses_an_overlong_reason()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        var first = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        var second = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(2));
        using var client = await _data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{first.Id}/cancel", null)).ShouldBeOkAsync();
        await (await client.PostAsJsonAsync($"/api/sessions/{second.Id}/cancel", new { reason = new string('r', Session.CancellationReasonMaxLength + 1) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal((SessionStatus.Cancelled, null), ((await _data.ReloadAsync(first.Id)).Status, (await _data.ReloadAsync(first.Id)).CancellationReason));
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(second.Id)).Status);
    }

    [Fact]
    public async Task Only_the_owner_may_edit_or_cancel()
    {
        var (_, _, schoolClass) = await ClassWithStudentAsync();
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var stranger = await _data.ClientForAsync(await _data.EducatorAsync());

        await (await stranger.PatchAsJsonAsync($"/api/sessions/{session.Id}", new { title = "Mine" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await stranger.PostAsync($"/api/sessions/{session.Id}/cancel", null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await stranger.PostAsync($"/api/sessions/{Guid.NewGuid()}/cancel", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    private async Task<(Web.Features.Accounts.AppUser Educator, Web.Features.Accounts.AppUser Student, Web.Features.Classes.SchoolClass Class)> ClassWithStudentAsync()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        return (educator, student, await _data.ClassAsync(educator, student));
    }
}
