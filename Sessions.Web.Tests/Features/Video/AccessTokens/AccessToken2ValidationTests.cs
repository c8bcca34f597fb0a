using System.Collections.Immutable;
using Sessions.Web.Features.Video.AccessTokens;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

public sealed class AccessToken2ValidationTests
{
    private const string AppId = "3f9c1e07a2b84d6e9c0a51d7e28b4f60";
    private const string Certificate = "b71e4d2c9a0f48e3a6c5d19e0f7b2a84";
    private const uint IssueTs = 1_718_000_000;

    private static readonly ImmutableSortedDictionary<ushort, uint> _join =
        ImmutableSortedDictionary<ushort, uint>.Empty.Add(AgoraPrivilege.JoinChannel, 3600);

    [Theory]
    [InlineData("")]
    [InlineData("3f9c1e07a2b84d6e9c0a51d7e28b4f6")]
    [InlineData("3f9c1e07a2b84d6e9c0a51d7e28b4f600")]
    [InlineData("3f9c1e07a2b84d6e9c0a51d7e28b4f6g")]
    [InlineData("3f9c1e07-2b84-4d6e-9c0a-51d7e28b")]
    public void An_app_id_that_is_not_32_hex_characters_is_rejected(string appId)
    {
        var ex = Assert.Throws<ArgumentException>(() => Build(appId: appId));
        Assert.Equal("appId", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("b71e4d2c9a0f48e3a6c5d19e0f7b2a8")]
    [InlineData("b71e4d2c9a0f48e3a6c5d19e0f7b2a84b")]
    [InlineData("b71e4d2c9a0f48e3a6c5d19e0f7b2a8z")]
    public void A_certificate_that_is_not_32_hex_characters_is_rejected(string certificate)
    {
        var ex = Assert.Throws<ArgumentException>(() => Build(certificate: certificate));
        Assert.Equal("appCertificate", ex.ParamName);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(86_401u)]
    [InlineData(uint.MaxValue)]
    public void An_expire_of_zero_or_more_than_a_day_is_rejected(uint expire) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(expire: expire));

    [Fact]
    public void An_expire_of_exactly_one_day_is_accepted() => Assert.StartsWith("007", Build(expire: 86_400), StringComparison.Ordinal);

    [Fact]
    public void A_token_without_services_is_rejected() => Assert.Throws<ArgumentException>(() => Build(services: []));

    [Fact]
    public void A_null_service_is_rejected() => Assert.Throws<ArgumentException>(() => Build(services: [null!]));

    [Fact]
    public void An_empty_channel_name_is_rejected() => Assert.Throws<ArgumentException>(() => Build(channel: ""));

    [Fact]
    public void A_channel_name_over_64_bytes_is_rejected() => Assert.Throws<ArgumentException>(() => Build(channel: new string('a', 65)));

    [Fact]
    public void A_channel_name_of_exactly_64_bytes_is_accepted() =>
        Assert.StartsWith("007", Build(channel: new string('a', 64)), StringComparison.Ordinal);

    [Theory]
    [InlineData("café")]
    [InlineData("room/1")]
    [InlineData("line\nbreak")]
    public void A_channel_name_with_characters_agora_refuses_is_rejected(string channel) =>
        Assert.Throws<ArgumentException>(() => Build(channel: channel));

    [Fact]
    public void A_uid_longer_than_a_length_prefix_can_hold_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Build(services: [new RtcTokenService("room", new string('1', 65_536), _join)]));

    private static string Build(
        string appId = AppId,
        string certificate = Certificate,
        uint expire = 3600,
        string channel = "room",
        IReadOnlyList<AgoraTokenService>? services = null) =>
        AccessToken2.Build(appId, certificate, IssueTs, 1, expire, services ?? [new RtcTokenService(channel, "", _join)]);
}
