using System.IO.Compression;
using System.Text;

namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>
/// Agora AccessToken2 ("007") tokens: <c>"007" + Base64(zlib(payload))</c>, where
/// payload = signature ‖ signingInfo (appId, issueTs, expire, salt, services), all little-endian.
/// </summary>
public static class AccessToken2
{
    public const string Version = "007";

    /// <summary>Agora caps a token's lifetime at 24 hours.</summary>
    public const uint MaxExpireSeconds = 86_400;

    // Lone surrogates would otherwise turn silently into U+FFFD and the token would name a different user.
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="expire">Lifetime in seconds counted from <paramref name="issueTs"/> (relative, not a Unix time).</param>
    public static string Build(
        string appId, string appCertificate, uint issueTs, uint salt, uint expire, IReadOnlyList<AgoraTokenService> services)
    {
        var payload = BuildPayload(appId, appCertificate, issueTs, salt, expire, services);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(payload);
        }

        return Version + Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
    }

    /// <summary>The uncompressed token body, for comparing with reference payloads byte for byte.</summary>
    public static byte[] BuildPayload(
        string appId, string appCertificate, uint issueTs, uint salt, uint expire, IReadOnlyList<AgoraTokenService> services)
    {
        EnsureHex32(appId, nameof(appId));
        EnsureHex32(appCertificate, nameof(appCertificate));
        ArgumentOutOfRangeException.ThrowIfZero(expire);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expire, MaxExpireSeconds);
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            throw new ArgumentException("A token needs at least one service.", nameof(services));
        }

        if (services.Any(s => s is null))
        {
            throw new ArgumentException("The services contain null.", nameof(services));
        }

        var signingInfo = new PayloadWriter();
        signingInfo.WriteString(appId, nameof(appId));
        signingInfo.WriteUInt32(issueTs);
        signingInfo.WriteUInt32(expire);
        signingInfo.WriteUInt32(salt);
        signingInfo.WriteUInt16(checked((ushort)services.Count));
        // OrderBy is stable, which keeps repeated types in the order given, as Agora does.
        foreach (var service in services.OrderBy(s => s.ServiceType))
        {
            service.EnsureBuildable();
            signingInfo.WriteUInt16((ushort)service.ServiceType);
            signingInfo.WritePrivileges(service.Privileges);
            service.WriteFields(signingInfo);
        }

        var payload = new PayloadWriter();
        payload.WriteBytes(AccessToken2Signature.Sign(appCertificate, issueTs, salt, signingInfo.WrittenSpan), "signature");
        payload.WriteRaw(signingInfo.WrittenSpan);
        return payload.WrittenSpan.ToArray();
    }

    // App id and certificate are used as their 32 ASCII characters, never hex-decoded; the check only catches misconfiguration.
    internal static void EnsureHex32(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length != 32 || !value.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Expected exactly 32 hexadecimal characters.", paramName);
        }
    }
}
