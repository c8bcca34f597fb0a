using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Chat;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>
/// Messages arriving at the same moment are committed together (<see cref="ChatMessageWriter"/>): each is still judged on
/// its own, as if they had come one after another, and each is answered only for what was committed.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ChatGroupCommitTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_whole_class_sending_at_once_has_every_message_stored_once_with_its_log_entry()
    {
        var educator = await _data.EducatorAsync("Mr. Burst");
        var students = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => _data.StudentAsync($"Burst {i}")));
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, students));
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var clients = await Task.WhenAll(students.Select(_data.ClientForAsync));

        var sent = await Task.WhenAll(clients.Select((client, i) => client.SentAsync(session.Id, $"Hello from {i}")));

        await using var db = await _data.DbAsync();
        var stored = await db.ChatMessages.Where(m => m.SessionId == session.Id).ToDictionaryAsync(m => m.Id);
        Assert.Equal(students.Length, stored.Count);
        for (var i = 0; i < sent.Length; i++)
        {
            var message = stored[sent[i].GetProperty("id").GetInt64()];
            Assert.Equal($"Hello from {i}", message.Text);
            Assert.Equal(students[i].Id, message.SenderId);
        }
        var logged = await db.ActivityEntries
            .Where(e => e.SessionId == session.Id && e.Kind == ActivityKinds.ChatMessagePosted)
            .Select(e => new { e.ActorId, e.Data })
            .ToListAsync();
        Assert.Equal(
            stored.Values.Select(m => (m.SenderId, m.Id)).Order(),
            logged.Select(e => (e.ActorId!, JsonDocument.Parse(e.Data!).RootElement.GetProperty("messageId").GetInt64())).Order());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Twelve_messages_sent_at_once_by_one_student_store_ten_and_refuse_two()
    {
        using var room = await ChatRoom.OpenAsync(app);

        var answers = await Task.WhenAll(Enumerable.Range(0, ChatRules.StudentMessagesPerWindow + 2)
            .Select(i => room.Student.SendAsync(room.SessionId, $"Quick {i}")));

        Assert.Equal(ChatRules.StudentMessagesPerWindow, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(2, refused.Count);
        foreach (var answer in refused)
        {
            await answer.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.Equal(TimeSpan.FromSeconds(10), answer.Headers.RetryAfter?.Delta);
        }
        await using var db = await _data.DbAsync();
        Assert.Equal(ChatRules.StudentMessagesPerWindow, await db.ChatMessages.CountAsync(m => m.SessionId == room.SessionId));
    }

    [Fact]
    public async Task Two_messages_racing_for_one_attachment_store_one_and_leave_no_trace_of_the_other()
    {
        using var room = await ChatRoom.OpenAsync(app);
        var upload = await room.Student.UploadedAsync(room.SessionId, ChatFiles.Png(40, 30), "sheet.png", "image/png");
        var attachmentId = upload.GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(
            room.Student.SendAsync(room.SessionId, "Mine", attachmentIds: [attachmentId]),
            room.Student.SendAsync(room.SessionId, "No, mine", attachmentIds: [attachmentId]));

        var winner = await Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created).ShouldBeCreatedAsync();
        var loser = await Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(loser.GetProperty("errors").TryGetProperty("attachmentIds", out _));
        await using var db = await _data.DbAsync();
        var kept = Assert.Single(await db.ChatMessages.Where(m => m.SessionId == room.SessionId).ToListAsync());
        Assert.Equal(winner.GetProperty("id").GetInt64(), kept.Id);
        Assert.Equal(kept.Id, (await db.ChatAttachments.SingleAsync(a => a.Id == attachmentId)).MessageId);
        Assert.Equal(1, await db.ActivityEntries.CountAsync(e => e.SessionId == room.SessionId && e.Kind == ActivityKinds.ChatMessagePosted));
    }
}
