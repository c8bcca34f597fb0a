using System.Collections.Immutable;
using Sessions.Web.Features.Video.AccessTokens;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

public sealed class AccessToken2VectorTests
{
    public static TheoryData<string> Vectors => AgoraVectors.Names;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_payload_is_reproduced_byte_for_byte(string name)
    {
        var vector = AgoraVectors.Get(name);

        var token = vector.Build();

        Assert.Equal(vector.Expected.PayloadHex, TokenBytes.Hex(TokenBytes.Inflate(token)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_uncompressed_payload_is_reproduced_by_BuildPayload(string name)
    {
        var vector = AgoraVectors.Get(name);

        Assert.Equal(vector.Expected.PayloadHex, TokenBytes.Hex(vector.BuildPayload()));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_signing_step_matches_the_reference(string name)
    {
        var vector = AgoraVectors.Get(name);
        var (inputs, expected) = (vector.Inputs, vector.Expected);

        var key1 = AccessToken2Signature.Key1(inputs.AppCertificate, inputs.IssueTs);
        var key2 = AccessToken2Signature.Key2(key1, inputs.Salt);
        var signature = AccessToken2Signature.Sign(inputs.AppCertificate, inputs.IssueTs, inputs.Salt, Convert.FromHexString(expected.SigningInfoHex));

        Assert.Equal(expected.Intermediate.Key1Hex, TokenBytes.Hex(key1));
        Assert.Equal(expected.Intermediate.Key2Hex, TokenBytes.Hex(key2));
        Assert.Equal(expected.SignatureHex, TokenBytes.Hex(signature));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_token_round_trips_through_the_parser(string name)
    {
        var vector = AgoraVectors.Get(name);

        var parsed = AccessToken2Parser.Parse(vector.Build());

        Assert.Equal(vector.Inputs.AppId, parsed.AppId);
        Assert.Equal(vector.Inputs.IssueTs, parsed.IssueTs);
        Assert.Equal(vector.Inputs.TokenExpireSeconds, parsed.Expire);
        Assert.Equal(vector.Inputs.Salt, parsed.Salt);
        Assert.Equal(vector.Expected.SignatureHex, TokenBytes.Hex(parsed.Signature.AsSpan()));
        Assert.Equal(vector.Expected.SigningInfoHex, TokenBytes.Hex(parsed.SigningInfo.AsSpan()));
        Assert.Equal(vector.Services(), parsed.Services);
        Assert.True(parsed.HasValidSignature(vector.Inputs.AppCertificate));
    }

    [Fact]
    public void Services_are_written_in_ascending_type_order_whatever_order_they_are_given()
    {
        var vector = AgoraVectors.Get("rtc-and-rtm-buildTokenWithRtm");
        var inputs = vector.Inputs;

        var payload = AccessToken2.BuildPayload(
            inputs.AppId, inputs.AppCertificate, inputs.IssueTs, inputs.Salt, inputs.TokenExpireSeconds, [.. vector.Services().Reverse()]);

        Assert.Equal(vector.Expected.PayloadHex, TokenBytes.Hex(payload));
    }

    [Fact]
    public void Privileges_are_written_in_ascending_id_order_whatever_order_they_are_added()
    {
        var vector = AgoraVectors.Get("rtc-uid0-publisher");
        var inputs = vector.Inputs;
        var descending = new Dictionary<ushort, uint> { [4] = 3600, [3] = 3600, [2] = 3600, [1] = 3600 };
        RtcTokenService rtc = new(inputs.ChannelName!, "", descending.ToImmutableSortedDictionary());

        var payload = AccessToken2.BuildPayload(inputs.AppId, inputs.AppCertificate, inputs.IssueTs, inputs.Salt, inputs.TokenExpireSeconds, [rtc]);

        Assert.Equal(vector.Expected.PayloadHex, TokenBytes.Hex(payload));
    }
}
