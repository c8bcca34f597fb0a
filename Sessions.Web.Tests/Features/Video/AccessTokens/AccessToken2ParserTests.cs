using System.IO.Compression;
using Sessions.Web.Features.Video.AccessTokens;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

public sealed class AccessToken2ParserTests
{
    // Offsets inside this vector's payload are laid out in spec §4.
    private const string Subscriber = "rtc-numeric-uid-subscriber";
    private const int ExpireOffset = 72;
    private const int ServiceTypeOffset = 82;
    private const int PrivilegeCountOffset = 84;
    private const int ChannelOffset = 92;

    public static TheoryData<string> Vectors => AgoraVectors.Names;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_reference_token_parses_to_its_decoded_contents(string name)
    {
        var expected = AgoraVectors.Get(name).Expected;

        var parsed = AccessToken2Parser.Parse(expected.TokenInformational);

        Assert.Equal(expected.Decoded.AppId, parsed.AppId);
        Assert.Equal(expected.Decoded.IssueTs, parsed.IssueTs);
        Assert.Equal(expected.Decoded.TokenExpireSeconds, parsed.Expire);
        Assert.Equal(expected.Decoded.Salt, parsed.Salt);
        Assert.Equal(expected.SignatureHex, TokenBytes.Hex(parsed.Signature.AsSpan()));
        Assert.Equal(expected.SigningInfoHex, TokenBytes.Hex(parsed.SigningInfo.AsSpan()));
        Assert.Equal(expected.Decoded.ToServices(), parsed.Services);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_reference_token_verifies_with_its_certificate_and_no_other(string name)
    {
        var certificate = AgoraVectors.Get(name).Inputs.AppCertificate;
        var oneCharacterOff = certificate[..^1] + (certificate[^1] == '0' ? '1' : '0');

        var parsed = AccessToken2Parser.Parse(AgoraVectors.Get(name).Expected.TokenInformational);

        Assert.True(parsed.HasValidSignature(certificate));
        Assert.False(parsed.HasValidSignature(oneCharacterOff));
    }

    [Fact]
    public void A_token_with_a_tampered_field_fails_verification()
    {
        var payload = SubscriberPayload();
        payload[ExpireOffset + 1] ^= 0x01;

        var parsed = AccessToken2Parser.Parse(TokenBytes.Pack(payload));

        Assert.Equal(3600u ^ 0x100, parsed.Expire);
        Assert.False(parsed.HasValidSignature(AgoraVectors.Get(Subscriber).Inputs.AppCertificate));
    }

    [Fact]
    public void A_token_with_a_tampered_signature_fails_verification()
    {
        var payload = SubscriberPayload();
        payload[2] ^= 0x80;

        var parsed = AccessToken2Parser.Parse(TokenBytes.Pack(payload));

        Assert.False(parsed.HasValidSignature(AgoraVectors.Get(Subscriber).Inputs.AppCertificate));
    }

    [Theory]
    [InlineData("")]
    [InlineData("006eJw")]
    [InlineData("eJwrzs9NVcjJLy1OTdFRKC1OzVMoSc0tyAcAZPsH7Q==")]
    public void A_token_without_the_007_prefix_is_rejected(string token) => AssertRejected(token, "does not start with");

    [Fact]
    public void A_token_body_that_is_not_base64_is_rejected() => AssertRejected("007not*base64", "not standard Base64");

    [Fact]
    public void A_token_body_that_is_raw_deflate_instead_of_zlib_is_rejected()
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(SubscriberPayload());
        }

        AssertRejected("007" + Convert.ToBase64String(compressed.ToArray()), "not a valid zlib stream");
    }

    [Fact]
    public void A_payload_with_trailing_bytes_is_rejected() =>
        AssertRejected(TokenBytes.Pack([.. SubscriberPayload(), 0x00]), "1 unexpected bytes after the last service");

    [Fact]
    public void A_truncated_payload_is_rejected() =>
        AssertRejected(TokenBytes.Pack(SubscriberPayload()[..^3]), "ends inside the RTC uid");

    [Fact]
    public void A_signature_that_is_not_32_bytes_is_rejected()
    {
        var payload = SubscriberPayload();
        payload[0] = 31;

        AssertRejected(TokenBytes.Pack(payload), "signature is 31 bytes");
    }

    [Theory]
    [InlineData(3, "Service type 3 (Streaming) is not supported")]
    [InlineData(8, "Service type 8 (Rtm2) is not supported")]
    [InlineData(42, "Service type 42 (unknown) is not supported")]
    public void A_service_type_other_than_rtc_or_rtm_is_named_in_the_error(byte type, string message)
    {
        var payload = SubscriberPayload();
        payload[ServiceTypeOffset] = type;

        AssertRejected(TokenBytes.Pack(payload), message);
    }

    [Fact]
    public void A_privilege_listed_twice_is_rejected()
    {
        var payload = SubscriberPayload();
        payload[PrivilegeCountOffset] = 2;
        byte[] duplicateJoin = [0x01, 0x00, 0x08, 0x07, 0x00, 0x00];

        AssertRejected(TokenBytes.Pack([.. payload[..ChannelOffset], .. duplicateJoin, .. payload[ChannelOffset..]]), "lists privilege 1 twice");
    }

    [Fact]
    public void A_string_that_is_not_utf8_is_rejected()
    {
        var payload = SubscriberPayload();
        payload[ChannelOffset + 2] = 0xff;

        AssertRejected(TokenBytes.Pack(payload), "RTC channel name at payload offset 92 is not valid UTF-8");
    }

    private static byte[] SubscriberPayload() => Convert.FromHexString(AgoraVectors.Get(Subscriber).Expected.PayloadHex);

    private static void AssertRejected(string token, string message)
    {
        var ex = Assert.Throws<FormatException>(() => AccessToken2Parser.Parse(token));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
