using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Sessions.Web.Features.Video.AccessTokens;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

public sealed class AgoraTokenBuilderTests
{
    private const string AppId = "3f9c1e07a2b84d6e9c0a51d7e28b4f60";
    private const string Certificate = "b71e4d2c9a0f48e3a6c5d19e0f7b2a84";
    private const string Channel = "sess-2024-algebra-101";
    private const uint Now = 1_718_000_000;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));

    private AgoraTokenBuilder Builder => new(_clock);

    [Fact]
    public void A_publisher_may_join_and_publish_audio_video_and_data_until_expiry()
    {
        var token = AccessToken2Parser.Parse(Builder.BuildRtcToken(AppId, Certificate, Channel, 2_882_341_273, AgoraRole.Publisher, 3600));

        AssertIssuedNowFor(3600, token);
        var rtc = Assert.IsType<RtcTokenService>(Assert.Single(token.Services));
        Assert.Equal(Channel, rtc.ChannelName);
        Assert.Equal("2882341273", rtc.Uid);
        Assert.Equal(Privileges((AgoraPrivilege.JoinChannel, 3600), (AgoraPrivilege.PublishAudio, 3600), (AgoraPrivilege.PublishVideo, 3600), (AgoraPrivilege.PublishData, 3600)), rtc.Privileges);
    }

    [Fact]
    public void A_subscriber_may_only_join()
    {
        var token = AccessToken2Parser.Parse(Builder.BuildRtcToken(AppId, Certificate, Channel, 7, AgoraRole.Subscriber, 1800));

        AssertIssuedNowFor(1800, token);
        var rtc = Assert.IsType<RtcTokenService>(Assert.Single(token.Services));
        Assert.Equal(Privileges((AgoraPrivilege.JoinChannel, 1800)), rtc.Privileges);
    }

    [Fact]
    public void Uid_zero_is_written_as_an_empty_uid_so_any_uid_may_join()
    {
        var token = AccessToken2Parser.Parse(Builder.BuildRtcToken(AppId, Certificate, Channel, 0, AgoraRole.Subscriber, 600));

        Assert.Equal("", Assert.IsType<RtcTokenService>(Assert.Single(token.Services)).Uid);
    }

    [Fact]
    public void An_rtm_token_lets_its_user_log_in_until_expiry()
    {
        var token = AccessToken2Parser.Parse(Builder.BuildRtmToken(AppId, Certificate, "student-17", 86_400));

        AssertIssuedNowFor(86_400, token);
        Assert.Equal(new RtmTokenService("student-17", Privileges((AgoraPrivilege.RtmLogin, 86_400))), Assert.Single(token.Services));
    }

    [Fact]
    public void The_issue_time_follows_the_clock()
    {
        _clock.Advance(TimeSpan.FromSeconds(90.9));

        var token = AccessToken2Parser.Parse(Builder.BuildRtmToken(AppId, Certificate, "student-17", 60));

        Assert.Equal(Now + 90, token.IssueTs);
    }

    [Fact]
    public void The_salt_is_random_between_1_and_99_999_999()
    {
        var salts = Enumerable.Range(0, 5)
            .Select(_ => AccessToken2Parser.Parse(Builder.BuildRtmToken(AppId, Certificate, "student-17", 60)).Salt)
            .ToList();

        Assert.All(salts, salt => Assert.InRange(salt, 1u, 99_999_999u));
        Assert.True(salts.Distinct().Count() > 1, $"Five tokens all got salt {salts[0]}.");
    }

    [Fact]
    public void An_undefined_role_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Builder.BuildRtcToken(AppId, Certificate, Channel, 1, (AgoraRole)3, 60));

    [Fact]
    public void Invalid_input_is_rejected_not_turned_into_an_empty_token()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Builder.BuildRtcToken(AppId, Certificate, Channel, 1, AgoraRole.Publisher, 0));
        Assert.Throws<ArgumentException>(() => Builder.BuildRtcToken(AppId, Certificate, "", 1, AgoraRole.Publisher, 60));
        Assert.Throws<ArgumentException>(() => Builder.BuildRtmToken("not-an-app-id", Certificate, "student-17", 60));
    }

    private static void AssertIssuedNowFor(uint expire, ParsedAccessToken2 token)
    {
        Assert.Equal(AppId, token.AppId);
        Assert.Equal(Now, token.IssueTs);
        Assert.Equal(expire, token.Expire);
        Assert.True(token.HasValidSignature(Certificate));
    }

    private static ImmutableSortedDictionary<ushort, uint> Privileges(params (ushort Id, uint Expire)[] privileges) =>
        privileges.ToImmutableSortedDictionary(p => p.Id, p => p.Expire);
}
