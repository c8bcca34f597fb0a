using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Features.Video.AccessTokens;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Video;

/// <summary>Who may enter a session's room, with which tokens, and the attendance each stay leaves behind.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RoomEndpointsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_enrolled_student_joins_a_live_session_with_tokens_for_its_channel()
    {
        var (_, student, session) = await LiveSessionAsync();
        using var client = await _data.ClientForAsync(student);

        var reply = await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal(SessionsAppFactory.AgoraAppId, reply.GetProperty("appId").GetString());
        Assert.Equal(session.ChannelName, reply.GetProperty("channel").GetString());
        Assert.Equal((uint)student.RtcUid, reply.GetProperty("rtcUid").GetUInt32());
        Assert.Equal("publisher", reply.GetProperty("role").GetString());
        var rtc = AccessToken2Parser.Parse(reply.GetProperty("rtcToken").GetString()!);
        Assert.True(rtc.HasValidSignature(SessionsAppFactory.AgoraCertificate));
        Assert.Equal(student.Id, Assert.IsType<RtmTokenService>(Assert.Single(AccessToken2Parser.Parse(reply.GetProperty("rtmToken").GetString()!).Services)).UserId);
        Assert.True(reply.GetProperty("expiresAt").GetDateTimeOffset() > app.Time.GetUtcNow());
    }

    [Fact]
    public async Task Outsiders_are_refused_students_and_educators_alike()
    {
        var (_, _, session) = await LiveSessionAsync();

        foreach (var outsider in new[] { await _data.StudentAsync(), await _data.EducatorAsync() })
        {
            using var client = await _data.ClientForAsync(outsider);
            await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
            await (await client.PostAsync($"/api/sessions/{session.Id}/token", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        }
    }

    [Fact]
    public async Task The_room_is_closed_before_the_start_and_after_the_end()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var studentClient = await _data.ClientForAsync(student);
        using var teacher = await _data.ClientForAsync(educator);

        await (await studentClient.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        await (await studentClient.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await studentClient.PostAsync($"/api/sessions/{session.Id}/token", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await studentClient.PostAsync($"/api/sessions/{Guid.NewGuid()}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task The_owner_joins_as_publisher()
    {
        var (educator, _, session) = await LiveSessionAsync();
        using var client = await _data.ClientForAsync(educator);

        var reply = await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal("publisher", reply.GetProperty("role").GetString());
        Assert.Equal((uint)educator.RtcUid, reply.GetProperty("rtcUid").GetUInt32());
    }

    [Fact]
    public async Task A_participant_still_allowed_in_gets_fresh_tokens()
    {
        var (_, student, session) = await LiveSessionAsync();
        using var client = await _data.ClientForAsync(student);
        var joined = await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(30));
        // Half an hour on, the app has renewed its 15-minute bearer token.
        using var later = await _data.ClientForAsync(student);

        var renewed = await (await later.PostAsync($"/api/sessions/{session.Id}/token", null)).ShouldBeOkAsync();

        var before = AccessToken2Parser.Parse(joined.GetProperty("rtcToken").GetString()!);
        var after = AccessToken2Parser.Parse(renewed.GetProperty("rtcToken").GetString()!);
        Assert.Equal(before.IssueTs + (30 * 60), after.IssueTs);
    }

    [Fact]
    public async Task Joins_and_leaves_are_stored_as_intervals_and_announced_once()
    {
        var (educator, student, session) = await LiveSessionAsync();
        await using var listener = await LiveListener.ConnectAsync(app, educator);
        using var client = await _data.ClientForAsync(student);

        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/sessions/{session.Id}/leave", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/sessions/{session.Id}/leave", null)).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(4));
        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal(student.Id, (await listener.NextAsync<ParticipantJoinedMessage>()).UserId);
        Assert.Equal(student.Id, (await listener.NextAsync<ParticipantLeftMessage>()).UserId);
        Assert.Equal(student.Id, (await listener.NextAsync<ParticipantJoinedMessage>()).UserId);
        await using var db = await _data.DbAsync();
        var intervals = await db.Attendance.Where(a => a.SessionId == session.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, intervals.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), intervals[0].LeftUtc - intervals[0].JoinedUtc);
        Assert.Null(intervals[1].LeftUtc);
    }

    private async Task<(AppUser Educator, AppUser Student, Session Session)> LiveSessionAsync()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        return (educator, student, session);
    }
}
