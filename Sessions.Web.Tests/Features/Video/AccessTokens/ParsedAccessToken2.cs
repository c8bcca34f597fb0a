using System.Collections.Immutable;
using System.Security.Cryptography;
using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

/// <summary>The fields of a parsed AccessToken2. <see cref="SigningInfo"/> is kept raw because the signature covers those exact bytes.</summary>
public sealed record ParsedAccessToken2(
    string AppId,
    uint IssueTs,
    uint Expire,
    uint Salt,
    ImmutableArray<byte> Signature,
    ImmutableArray<byte> SigningInfo,
    ImmutableArray<AgoraTokenService> Services)
{
    public bool HasValidSignature(string appCertificate)
    {
        AccessToken2.EnsureHex32(appCertificate, nameof(appCertificate));
        var expected = AccessToken2Signature.Sign(appCertificate, IssueTs, Salt, SigningInfo.AsSpan());
        return CryptographicOperations.FixedTimeEquals(expected, Signature.AsSpan());
    }
}
