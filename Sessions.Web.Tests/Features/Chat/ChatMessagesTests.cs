using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>Sending, reading and deleting chat messages over the API, and who hears of them over the hub.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ChatMessagesTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_student_s_message_reaches_the_educator_and_classmates_live_and_no_other_class()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var outsider = await app.SessionInAsync(SessionStatus.InProgress);
        await using var educator = await LiveListener.ConnectAsync(app, room.Educator);
        await using var classmate = await LiveListener.ConnectAsync(app, room.Classmate);
        await using var otherClass = await LiveListener.ConnectAsync(app, outsider.Student);

        var sent = await room.Student.SentAsync(room.SessionId, "  Is question 3 about fractions?\n(page 12)  ");

        Assert.Equal("Is question 3 about fractions?\n(page 12)", sent.GetProperty("text").GetString());
        Assert.Equal("student", sent.GetProperty("sender").GetProperty("role").GetString());
        Assert.Equal(room.StudentUser.DisplayName, sent.GetProperty("sender").GetProperty("displayName").GetString());
        foreach (var listener in new[] { educator, classmate })
        {
            var posted = await listener.NextAsync<ChatMessagePostedMessage>();
            Assert.Equal(room.SessionId, posted.SessionId);
            Assert.Equal(sent.GetProperty("id").GetInt64(), posted.Message.Id);
            Assert.Equal("Is question 3 about fractions?\n(page 12)", posted.Message.Text);
        }
        // The other class's student hears their own class's next message first: had ours reached them, it would have come before.
        using var otherStudent = await _data.ClientForAsync(outsider.Student);
        var theirs = await otherStudent.SentAsync(outsider.Session.Id, "Hello from another class");
        Assert.Equal(theirs.GetProperty("id").GetInt64(), (await otherClass.NextAsync<ChatMessagePostedMessage>()).Message.Id);
    }

    [Fact]
    public async Task Outsiders_can_neither_read_nor_write_nor_delete()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var message = await room.Student.SentAsync(room.SessionId, "Hello");
        var id = message.GetProperty("id").GetInt64();

        foreach (var outsider in new[] { await _data.StudentAsync(), await _data.EducatorAsync() })
        {
            using var client = await _data.ClientForAsync(outsider);
            await (await client.SendAsync(room.SessionId, "Let me in")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
            await (await client.GetAsync($"/api/sessions/{room.SessionId}/messages")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
            await (await client.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
            await (await client.UploadAsync(room.SessionId, ChatFiles.Pdf(), "notes.pdf", "application/pdf"))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        }
        await (await room.Student.SendAsync(Guid.NewGuid(), "Anyone?")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task Messages_are_sent_only_while_the_session_is_live_and_read_before_during_and_after()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var teacher = await _data.ClientForAsync(educator);
        using var pupil = await _data.ClientForAsync(student);

        await (await pupil.SendAsync(session.Id, "Too early")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await teacher.SendAsync(session.Id, "Too early")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await pupil.UploadAsync(session.Id, ChatFiles.Pdf(), "early.pdf", "application/pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await pupil.SentAsync(session.Id, "Hello");
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        await (await pupil.SendAsync(session.Id, "Too late")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
        await (await teacher.SendAsync(session.Id, "Too late")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
        await (await pupil.UploadAsync(session.Id, ChatFiles.Pdf(), "late.pdf", "application/pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
        var history = await pupil.PageAsync(session.Id);
        Assert.Equal("Hello", Assert.Single(history.GetProperty("items").EnumerateArray()).GetProperty("text").GetString());

        var cancelled = await app.SessionInAsync(SessionStatus.Cancelled);
        using var cancelledOwner = await _data.ClientForAsync(cancelled.Educator);
        await (await cancelledOwner.SendAsync(cancelled.Session.Id, "Never ran")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
    }

    [Fact]
    public async Task With_the_chat_off_students_are_refused_and_the_educator_still_posts()
    {
        using var room = await ChatRoom.OpenAsync(app);
        await using (var db = await _data.DbAsync())
        {
            await db.Sessions.Where(s => s.Id == room.SessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Overrides, SessionSettingOverrides.None with { ChatEnabled = false }));
        }

        await (await room.Student.SendAsync(room.SessionId, "Can I ask?")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "chat_disabled");
        await (await room.Student.UploadAsync(room.SessionId, ChatFiles.Pdf(), "a.pdf", "application/pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "chat_disabled");
        var announcement = await room.Teacher.SentAsync(room.SessionId, "Chat is off: listen, please.");

        Assert.Equal("educator", announcement.GetProperty("sender").GetProperty("role").GetString());
        // Still readable by students.
        Assert.Single((await room.Student.PageAsync(room.SessionId)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Text_is_plain_trimmed_and_counted_as_characters_people_see()
    {
        using var room = await ChatRoom.OpenAsync(app);

        var html = await room.Student.SentAsync(room.SessionId, "<b>bold</b> <script>alert(1)</script> https://example.org");
        // 2,000 emoji, each two UTF-16 units and one character on screen; thumbs up with a skin tone, four units and one character.
        await room.Student.SentAsync(room.SessionId, string.Concat(Enumerable.Repeat("😀", ChatMessage.TextMaxLength)));
        await room.Student.SentAsync(room.SessionId, string.Concat(Enumerable.Repeat("👍🏽", ChatMessage.TextMaxLength)));

        Assert.Equal("<b>bold</b> <script>alert(1)</script> https://example.org", html.GetProperty("text").GetString());
        foreach (var invalid in new[] { "", "   \n\t ", new string('a', ChatMessage.TextMaxLength + 1), "hidden\u202Eevil", "nul\0byte" })
        {
            var problem = await (await room.Student.SendAsync(room.SessionId, invalid)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        }
        var noId = await (await room.Student.SendAsync(room.SessionId, "Hi", Guid.Empty)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noId.GetProperty("errors").TryGetProperty("clientMessageId", out _));
    }

    [Fact]
    public async Task A_retried_send_is_stored_once_and_answered_with_the_first_result()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var clientMessageId = Guid.NewGuid();
        await using var educator = await LiveListener.ConnectAsync(app, room.Educator);

        var first = await room.Student.SentAsync(room.SessionId, "Once", clientMessageId);
        var retry = await room.Student.SentAsync(room.SessionId, "Once", clientMessageId);
        // Eight more tries of another message, all at once.
        var racingId = Guid.NewGuid();
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = await _data.ClientForAsync(room.StudentUser);
            return await client.SentAsync(room.SessionId, "Raced", racingId);
        }));

        Assert.Equal(first.GetProperty("id").GetInt64(), retry.GetProperty("id").GetInt64());
        Assert.Equal(first.GetProperty("sentAt").GetDateTimeOffset(), retry.GetProperty("sentAt").GetDateTimeOffset());
        Assert.Single(racing.Select(r => r.GetProperty("id").GetInt64()).Distinct());
        await using var db = await _data.DbAsync();
        Assert.Equal(1, await db.ChatMessages.CountAsync(m => m.SessionId == room.SessionId && m.ClientMessageId == clientMessageId));
        Assert.Equal(1, await db.ChatMessages.CountAsync(m => m.SessionId == room.SessionId && m.ClientMessageId == racingId));
        // Announced once each.
        Assert.Equal(first.GetProperty("id").GetInt64(), (await educator.NextAsync<ChatMessagePostedMessage>()).Message.Id);
        Assert.Equal(racing[0].GetProperty("id").GetInt64(), (await educator.NextAsync<ChatMessagePostedMessage>()).Message.Id);
        var sentinel = await room.Teacher.SentAsync(room.SessionId, "Sentinel");
        Assert.Equal(sentinel.GetProperty("id").GetInt64(), (await educator.NextAsync<ChatMessagePostedMessage>()).Message.Id);
    }

    [Fact]
    public async Task A_student_sends_at_most_ten_messages_in_ten_seconds()
    {
        using var room = await ChatRoom.OpenAsync(app);
        for (var i = 0; i < ChatRules.StudentMessagesPerWindow; i++)
        {
            await room.Student.SentAsync(room.SessionId, $"Message {i}");
            app.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var refused = await room.Student.SendAsync(room.SessionId, "One too many");
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        // The first of the ten leaves the window 10 s after it was sent, 9 s from now.
        Assert.Equal(TimeSpan.FromSeconds(9), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(9, problem.GetProperty("retryAfterSeconds").GetInt32());
        // The educator is not limited; the student is again once the window has moved on.
        for (var i = 0; i < ChatRules.StudentMessagesPerWindow + 2; i++)
        {
            await room.Teacher.SentAsync(room.SessionId, $"Announcement {i}");
        }
        app.Time.Advance(TimeSpan.FromSeconds(9));
        await room.Student.SentAsync(room.SessionId, "My turn again");
    }

    [Fact]
    public async Task Deleting_removes_the_message_for_everyone_live_and_in_history()
    {
        using var room = await ChatRoom.OpenAsync(app);
        await using var classmate = await LiveListener.ConnectAsync(app, room.Classmate);
        var pdf = await room.Student.UploadedAsync(room.SessionId, ChatFiles.Pdf(), "homework.pdf", "application/pdf");
        var own = await room.Student.SentAsync(room.SessionId, "Oops, wrong file", attachmentIds: [pdf.GetProperty("id").GetGuid()]);
        var ownId = own.GetProperty("id").GetInt64();
        using var classmateClient = await _data.ClientForAsync(room.Classmate);
        var classmates = await classmateClient.SentAsync(room.SessionId, "Mine");
        var classmatesId = classmates.GetProperty("id").GetInt64();
        var fileUrl = own.GetProperty("attachments")[0].GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await classmateClient.GetAsync(fileUrl)).StatusCode);

        await (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{classmatesId}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "delete_not_allowed");
        Assert.Equal(HttpStatusCode.NoContent, (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{ownId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{ownId}")).StatusCode);
        await (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{long.MaxValue}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "message_not_found");

        Assert.Equal(ownId, (await classmate.NextAsync<ChatMessagePostedMessage>()).Message.Id);
        Assert.Equal(classmatesId, (await classmate.NextAsync<ChatMessagePostedMessage>()).Message.Id);
        Assert.Equal(ownId, (await classmate.NextAsync<ChatMessageDeletedMessage>()).MessageId);
        var shown = (await classmateClient.PageAsync(room.SessionId)).GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == ownId);
        Assert.True(shown.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("text").ValueKind);
        Assert.Empty(shown.GetProperty("attachments").EnumerateArray());
        await (await classmateClient.GetAsync(fileUrl)).ShouldBeProblemAsync(HttpStatusCode.Gone, "attachment_removed");
        await using var db = await _data.DbAsync();
        Assert.Null((await db.ChatMessages.SingleAsync(m => m.Id == ownId)).Text);
        // The file itself is gone from the store.
        Assert.Empty(Directory.GetFiles(app.AttachmentRoot, $"{pdf.GetProperty("id").GetGuid():N}*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_student_may_take_back_their_own_message_for_five_minutes_and_the_educator_any_at_any_time()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var early = (await room.Student.SentAsync(room.SessionId, "Early")).GetProperty("id").GetInt64();
        var late = (await room.Student.SentAsync(room.SessionId, "Late")).GetProperty("id").GetInt64();
        app.Time.Advance(ChatRules.StudentDeleteWindow);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{early}")).StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(1));

        await (await room.Student.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{late}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "delete_not_allowed");
        Assert.Equal(HttpStatusCode.NoContent, (await room.Teacher.DeleteAsync($"/api/sessions/{room.SessionId}/messages/{late}")).StatusCode);
        await (await room.Teacher.PostAsync($"/api/sessions/{room.SessionId}/end", null)).ShouldBeOkAsync();
        // After the end too: moderation of the history.
        var before = (await room.Teacher.PageAsync(room.SessionId)).GetProperty("items").EnumerateArray().Count(m => m.GetProperty("deleted").GetBoolean());
        Assert.Equal(2, before);
    }

    [Fact]
    public async Task Paging_through_500_messages_newest_first_has_no_gaps_or_repeats()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var first = await room.Student.SentAsync(room.SessionId, "Message 0");
        await using (var db = await _data.DbAsync())
        {
            var sent = first.GetProperty("sentAt").GetDateTimeOffset().UtcDateTime;
            db.ChatMessages.AddRange(Enumerable.Range(1, 499).Select(i => new ChatMessage
            {
                SessionId = room.SessionId,
                SenderId = i % 2 == 0 ? room.StudentUser.Id : room.Educator.Id,
                SenderRole = i % 2 == 0 ? ChatRoles.Student : ChatRoles.Educator,
                ClientMessageId = Guid.NewGuid(),
                Text = $"Message {i}",
                SentUtc = sent.AddSeconds(i),
            }));
            await db.SaveChangesAsync();
        }

        var texts = new List<string>();
        var pageSizes = new List<int>();
        long? before = null;
        do
        {
            // Pages of 100 and of the default 50, taking turns.
            var page = await room.Student.PageAsync(room.SessionId, before, limit: pageSizes.Count % 2 == 0 ? 100 : null);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            pageSizes.Add(items.Count);
            texts.AddRange(items.Select(m => m.GetProperty("text").GetString()!));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(0, 500).Reverse().Select(i => $"Message {i}"), texts);
        Assert.Equal([100, 50, 100, 50, 100, 50, 50], pageSizes);
        foreach (var limit in new[] { 0, ChatRules.MaxPageSize + 1 })
        {
            await (await room.Student.GetAsync($"/api/sessions/{room.SessionId}/messages?limit={limit}"))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }
}
