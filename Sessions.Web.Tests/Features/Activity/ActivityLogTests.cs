using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Tests.Features.Chat;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Activity;

/// <summary>A session's activity log over the API: what the changes record themselves, what people write, who reads what.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ActivityLogTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Every_action_of_a_session_s_life_is_on_its_log_with_who_did_it()
    {
        using var room = await ChatRoom.OpenAsync(app);
        await (await room.Student.PostAsync($"/api/sessions/{room.SessionId}/join", null)).ShouldBeOkAsync();
        await (await room.Student.PostAsync($"/api/sessions/{room.SessionId}/token", null)).ShouldBeOkAsync();
        await (await room.Student.PostAsJsonAsync($"/api/sessions/{room.SessionId}/logs/media", new { camera = true, microphone = false }))
            .EnsureSuccessStatusCodeAsync();
        var message = await room.Student.SentAsync(room.SessionId, "Hello");
        var messageId = message.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await room.Teacher.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{messageId}")).StatusCode);
        await (await room.Student.PostAsync($"/api/sessions/{room.SessionId}/leave", null)).EnsureSuccessStatusCodeAsync();
        await (await room.Student.PostAsync($"/api/sessions/{room.SessionId}/join", null)).ShouldBeOkAsync();
        await (await room.Teacher.PostAsync($"/api/sessions/{room.SessionId}/end", null)).ShouldBeOkAsync();
        // Once it is over the log is closed: a join turned away then is not on it.
        await (await room.Student.PostAsync($"/api/sessions/{room.SessionId}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");

        var entries = await AllAsync(room.Teacher, room.SessionId);

        Assert.Equal(
        [
            "session_started", "participant_joined", "token_renewed", "camera_on", "microphone_off", "chat_message_posted",
            "chat_message_deleted", "participant_left", "participant_joined", "participant_left", "session_ended",
        ], entries.Select(e => e.GetProperty("kind").GetString()));
        var student = room.StudentUser.Id;
        Assert.Equal([room.Educator.Id, student, student, student, student, student, room.Educator.Id, student, student, student, room.Educator.Id],
            entries.Select(e => e.GetProperty("actor").GetProperty("id").GetString()));
        Assert.All(entries, e => Assert.False(e.GetProperty("system").GetBoolean()));
        Assert.Equal("educator", entries[0].GetProperty("actor").GetProperty("role").GetString());
        Assert.Equal("student", entries[1].GetProperty("actor").GetProperty("role").GetString());
        Assert.Equal(room.StudentUser.DisplayName, entries[1].GetProperty("actor").GetProperty("displayName").GetString());
        Assert.Equal(messageId, entries[5].GetProperty("details").GetProperty("messageId").GetInt64());
        Assert.Equal(student, entries[6].GetProperty("details").GetProperty("senderId").GetString());
        Assert.False(entries[7].GetProperty("details").GetProperty("sessionEnded").GetBoolean());
        Assert.True(entries[9].GetProperty("details").GetProperty("sessionEnded").GetBoolean()); // the end closed the stay
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("details").ValueKind);
        Assert.Equal(TimeSpan.Zero, entries[0].GetProperty("at").GetDateTimeOffset().Offset); // UTC, as every time the API answers
    }

    [Fact]
    public async Task Booking_rescheduling_and_cancelling_are_on_the_log()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        using var teacher = await _data.ClientForAsync(educator);
        var booked = await (await teacher.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = "Algebra", type = "scheduled",
            scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddDays(1)), durationMinutes = 30,
        })).ShouldBeCreatedAsync();
        var id = booked.GetProperty("id").GetGuid();
        await (await teacher.PatchAsJsonAsync($"/api/sessions/{id}", new { title = "Algebra II" })).ShouldBeOkAsync();
        await (await teacher.PostAsJsonAsync($"/api/sessions/{id}/cancel", new { reason = "School trip" })).ShouldBeOkAsync();

        var entries = await AllAsync(teacher, id);

        Assert.Equal(["session_scheduled", "session_updated", "session_cancelled"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Algebra", entries[0].GetProperty("details").GetProperty("title").GetString());
        Assert.Equal(30, entries[0].GetProperty("details").GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Algebra II", entries[1].GetProperty("details").GetProperty("title").GetString());
        Assert.Equal("School trip", entries[2].GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_lifecycle_worker_s_end_is_the_system_s()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync())
        {
            var live = (await SessionSummary.FindAsync(db, session.Id, default))!;
            Assert.True(await app.Services.GetRequiredService<SessionTransitions>()
                .CompleteAsync(db, live, actorId: null, app.Time.GetUtcNow().UtcDateTime, default));
        }

        var ended = (await AllAsync(teacher, session.Id)).Last();

        Assert.Equal("session_ended", ended.GetProperty("kind").GetString());
        Assert.True(ended.GetProperty("system").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("actor").ValueKind);
    }

    [Fact]
    public async Task A_refused_or_failed_action_writes_nothing()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var tomorrow = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var teacher = await _data.ClientForAsync(educator);

        await (await teacher.PostAsync($"/api/sessions/{tomorrow.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "outside_start_window");
        Assert.Empty(await AllAsync(teacher, tomorrow.Id));

        // A student who tries the room too early is turned away: that refusal, with its code, is all the log says.
        using var early = await _data.ClientForAsync(student);
        await (await early.PostAsync($"/api/sessions/{tomorrow.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        var refused = Assert.Single(await AllAsync(teacher, tomorrow.Id));
        Assert.Equal("join_refused", refused.GetProperty("kind").GetString());
        Assert.Equal("session_not_live", refused.GetProperty("details").GetProperty("code").GetString());
        Assert.Equal(student.Id, refused.GetProperty("actor").GetProperty("id").GetString());

        // A message whose attachment is not the sender's is rolled back with its entry: the message and its log line, or neither.
        var now = await _data.SessionAsync(schoolClass);
        await (await teacher.PostAsync($"/api/sessions/{now.Id}/start", null)).ShouldBeOkAsync();
        using var pupil = await _data.ClientForAsync(student);
        await (await pupil.SendAsync(now.Id, "With someone else's file", attachmentIds: [Guid.NewGuid()]))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["session_started"], (await AllAsync(teacher, now.Id)).Select(e => e.GetProperty("kind").GetString()));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.ChatMessages.AnyAsync(m => m.SessionId == now.Id));
    }

    [Fact]
    public async Task Notes_and_issues_are_written_only_while_live_and_notes_only_by_those_who_teach()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var teacher = await _data.ClientForAsync(educator);
        using var pupil = await _data.ClientForAsync(student);
        using var outsider = await _data.ClientForAsync(await _data.StudentAsync());

        await (await pupil.WriteAsync(session.Id, "issue", "Too early")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await teacher.WriteAsync(session.Id, "note", "Too early")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        await (await pupil.WriteAsync(session.Id, "note", "Mine")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "note_not_allowed");
        await (await outsider.WriteAsync(session.Id, "issue", "Let me in")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await pupil.WriteAsync(session.Id, "issue", new string('a', 1001))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await pupil.WriteAsync(session.Id, "complaint", "Hm")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var issue = await (await pupil.WriteAsync(session.Id, "issue", "  I can't hear  ")).ShouldBeCreatedAsync();
        var note = await (await teacher.WriteAsync(session.Id, "note", "Lina's audio fixed after a rejoin")).ShouldBeCreatedAsync();
        await (await teacher.WriteAsync(session.Id, "issue", "Projector down")).ShouldBeCreatedAsync();

        Assert.Equal("issue", issue.GetProperty("kind").GetString());
        Assert.Equal("I can't hear", issue.GetProperty("details").GetProperty("text").GetString());
        Assert.Equal(student.Id, issue.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("note", note.GetProperty("kind").GetString());

        await (await teacher.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();
        await (await pupil.WriteAsync(session.Id, "issue", "Too late")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
        await (await teacher.WriteAsync(session.Id, "note", "Too late")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
        await (await pupil.PostAsJsonAsync($"/api/sessions/{session.Id}/logs/media", new { camera = false }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
    }

    [Fact]
    public async Task Students_read_only_their_own_entries_those_who_teach_and_admins_read_all_a_page_at_a_time()
    {
        using var room = await ChatRoom.OpenAsync(app);
        using var classmate = await _data.ClientForAsync(room.Classmate);
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());
        using var outsider = await _data.ClientForAsync(await _data.StudentAsync());
        await (await room.Student.WriteAsync(room.SessionId, "issue", "Mine")).ShouldBeCreatedAsync();
        await (await classmate.WriteAsync(room.SessionId, "issue", "Theirs")).ShouldBeCreatedAsync();
        await (await room.Teacher.WriteAsync(room.SessionId, "note", "The teacher's")).ShouldBeCreatedAsync();

        var own = await AllAsync(room.Student, room.SessionId);
        Assert.Equal(["Mine"], own.Select(e => e.GetProperty("details").GetProperty("text").GetString()));
        Assert.Equal(4, (await AllAsync(admin, room.SessionId)).Count);
        await (await outsider.GetAsync($"/api/sessions/{room.SessionId}/logs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");

        var first = await (await room.Teacher.GetAsync($"/api/sessions/{room.SessionId}/logs?limit=3")).ShouldBeOkAsync();
        var firstItems = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, firstItems.Count);
        Assert.Equal(firstItems[2].GetProperty("id").GetInt64(), first.GetProperty("nextAfter").GetInt64());
        var second = await (await room.Teacher.GetAsync($"/api/sessions/{room.SessionId}/logs?limit=3&after={first.GetProperty("nextAfter").GetInt64()}")).ShouldBeOkAsync();
        Assert.Equal(["The teacher's"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("details").GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextAfter").ValueKind);
        await (await room.Teacher.GetAsync($"/api/sessions/{room.SessionId}/logs?limit=501")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_student_s_issue_reaches_the_educator_live_and_not_the_classmates()
    {
        using var room = await ChatRoom.OpenAsync(app);
        await using var educator = await LiveListener.ConnectAsync(app, room.Educator);
        await using var classmate = await LiveListener.ConnectAsync(app, room.Classmate);

        var issue = await (await room.Student.WriteAsync(room.SessionId, "issue", "I can't hear")).ShouldBeCreatedAsync();

        var logged = await educator.NextAsync<ActivityLoggedMessage>();
        Assert.Equal(room.SessionId, logged.SessionId);
        Assert.Equal(issue.GetProperty("id").GetInt64(), logged.Entry.Id);
        Assert.Equal("issue", logged.Entry.Kind);
        Assert.Equal(room.StudentUser.Id, logged.Entry.Actor!.Id);
        // The classmate hears the next class event first: had the issue reached them, it would have come before.
        var sent = await room.Student.SentAsync(room.SessionId, "After the issue");
        Assert.Equal(sent.GetProperty("id").GetInt64(), (await classmate.NextAsync<ChatMessagePostedMessage>()).Message.Id);
    }

    [Fact]
    public async Task Entries_cannot_be_edited_or_deleted_through_any_endpoint()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var entry = (await AllAsync(room.Teacher, room.SessionId)).Single();
        var id = entry.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await room.Teacher.PutAsJsonAsync($"/api/sessions/{room.SessionId}/logs", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await room.Teacher.DeleteAsync($"/api/sessions/{room.SessionId}/logs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await room.Teacher.PutAsJsonAsync($"/api/sessions/{room.SessionId}/logs/{id}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await room.Teacher.DeleteAsync($"/api/sessions/{room.SessionId}/logs/{id}")).StatusCode);
        Assert.Equal(entry.GetRawText(), (await AllAsync(room.Teacher, room.SessionId)).Single().GetRawText());
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, Guid sessionId)
    {
        var page = await (await client.GetAsync($"/api/sessions/{sessionId}/logs?limit=500")).ShouldBeOkAsync();
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}

internal static class ActivityApi
{
    public static Task<HttpResponseMessage> WriteAsync(this HttpClient client, Guid sessionId, string kind, string text) =>
        client.PostAsJsonAsync($"/api/sessions/{sessionId}/logs", new { kind, text });

    public static async Task EnsureSuccessStatusCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
    }
}
