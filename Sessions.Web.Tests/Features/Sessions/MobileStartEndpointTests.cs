using System.Net;
using System.Text;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Features.Video.AccessTokens;
using Sessions.Web.Tests.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

/// <summary>The mobile apps' existing contract: <c>POST /sessions/start</c> with <c>api-version: 6</c>.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class MobileStartEndpointTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Starting_at_session_time_answers_the_version_6_contract_with_valid_tokens()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);

        var reply = await (await MobileApi.StartAsync(client, educator.Id, session.Id)).ShouldBeOkAsync();

        var startedAt = reply.GetProperty("actualStartDate").GetDateTimeOffset();
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, startedAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.Zero, startedAt.Offset);
        Assert.Equal(session.Id, reply.GetProperty("sessionId").GetGuid());
        Assert.Equal(0, reply.GetProperty("startedSessionDuration").GetInt64());
        Assert.Equal(session.ChannelName, reply.GetProperty("channelName").GetString());
        Assert.Equal(SessionsAppFactory.AgoraAppId, reply.GetProperty("appId").GetString());

        var rtc = AccessToken2Parser.Parse(reply.GetProperty("rtcToken").GetString()!);
        Assert.True(rtc.HasValidSignature(SessionsAppFactory.AgoraCertificate));
        var rtcService = Assert.IsType<RtcTokenService>(Assert.Single(rtc.Services));
        Assert.Equal(session.ChannelName, rtcService.ChannelName);
        Assert.Equal(educator.RtcUid.ToString(System.Globalization.CultureInfo.InvariantCulture), rtcService.Uid);
        Assert.Equal([AgoraPrivilege.JoinChannel, AgoraPrivilege.PublishAudio, AgoraPrivilege.PublishVideo, AgoraPrivilege.PublishData],
            rtcService.Privileges.Keys);
        // The token outlives the booked end (60 min) plus the margin.
        Assert.True(rtc.Expire >= 70 * 60, $"expire was {rtc.Expire}s");

        var rtm = AccessToken2Parser.Parse(reply.GetProperty("rtmToken").GetString()!);
        Assert.Equal(educator.Id, Assert.IsType<RtmTokenService>(Assert.Single(rtm.Services)).UserId);

        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(SessionStatus.InProgress, stored.Status);
        Assert.Equal(startedAt.UtcDateTime, stored.ActualStartUtc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("7")]
    public async Task Any_version_other_than_6_is_refused_listing_the_supported_versions(string? version)
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);

        var problem = await (await MobileApi.StartAsync(client, educator.Id, session.Id, version))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unsupported_api_version");

        Assert.Equal("6", Assert.Single(problem.GetProperty("supportedVersions").EnumerateArray()).GetString());
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task Naming_another_educator_is_refused_as_not_the_owner()
    {
        var educator = await _data.EducatorAsync();
        var other = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(other);

        await (await MobileApi.StartAsync(client, educator.Id, session.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await MobileApi.StartAsync(client, other.Id, session.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task An_admin_may_start_for_the_educator_who_owns_the_session()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(await _data.AdminAsync());

        await (await MobileApi.StartAsync(client, educator.Id, session.Id)).ShouldBeOkAsync();

        Assert.Equal(SessionStatus.InProgress, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task A_student_may_not_use_the_start_endpoint()
    {
        var student = await _data.StudentAsync();
        using var client = await _data.ClientForAsync(student);

        await (await MobileApi.StartAsync(client, student.Id, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_to_authenticate()
    {
        using var client = app.CreateClient();

        await (await MobileApi.StartAsync(client, "someone", Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("{\"educatorId\":")]
    [InlineData("{}")]
    [InlineData("{\"educatorId\":\"x\"}")]
    [InlineData("{\"educatorId\":\"x\",\"sessionId\":\"not-a-guid\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_or_incomplete_bodies_are_a_validation_problem_not_a_server_error(string body)
    {
        var educator = await _data.EducatorAsync();
        using var client = await _data.ClientForAsync(educator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sessions/start")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-version", "6");

        await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
