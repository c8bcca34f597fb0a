using System.Net;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>Two instances over one database and one Redis: a message sent through one reaches the class on the other, and the students' pace is counted across both.</summary>
public sealed class ChatAcrossInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task A_message_sent_through_A_reaches_the_class_on_B_and_the_pace_counts_both()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        var arranged = await apps.A.SessionInAsync(SessionStatus.InProgress);
        var sessionId = arranged.Session.Id;
        await using var educatorOnB = await LiveListener.ConnectAsync(apps.B, arranged.Educator);
        using var viaA = await apps.A.Data.ClientForAsync(arranged.Student);
        using var viaB = await apps.B.Data.ClientForAsync(arranged.Student);

        var sent = await viaA.SentAsync(sessionId, "Sent through A");
        Assert.Equal(sent.GetProperty("id").GetInt64(), (await educatorOnB.NextAsync<ChatMessagePostedMessage>()).Message.Id);
        for (var i = 1; i < ChatRules.StudentMessagesPerWindow; i++)
        {
            await (i % 2 == 0 ? viaA : viaB).SentAsync(sessionId, $"Message {i}");
        }

        foreach (var instance in new[] { viaA, viaB })
        {
            await (await instance.SendAsync(sessionId, "One too many")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        }
    }
}
