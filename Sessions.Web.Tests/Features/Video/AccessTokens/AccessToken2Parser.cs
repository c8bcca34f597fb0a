using System.Collections.Immutable;
using System.IO.Compression;
using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

/// <summary>Reads an AccessToken2 back into its fields; every malformation is a <see cref="FormatException"/> saying what is wrong.</summary>
public static class AccessToken2Parser
{
    // Real payloads are a few hundred bytes; the cap stops a crafted token from inflating without bound.
    private const int MaxPayloadBytes = 64 * 1024;

    public static ParsedAccessToken2 Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith(AccessToken2.Version, StringComparison.Ordinal))
        {
            throw new FormatException($"The token does not start with the AccessToken2 version \"{AccessToken2.Version}\".");
        }

        return Read(Inflate(DecodeBase64(token[AccessToken2.Version.Length..])));
    }

    private static byte[] DecodeBase64(string body)
    {
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The token body is not standard Base64.", ex);
        }
    }

    private static byte[] Inflate(byte[] compressed)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var payload = new MemoryStream();
            var buffer = new byte[4096];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (payload.Length + read > MaxPayloadBytes)
                {
                    throw new FormatException($"The token payload inflates to more than {MaxPayloadBytes} bytes.");
                }

                payload.Write(buffer, 0, read);
            }

            return payload.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException("The token body is not a valid zlib stream.", ex);
        }
    }

    private static ParsedAccessToken2 Read(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var signature = reader.ReadBytes("signature");
        if (signature.Length != AccessToken2Signature.Length)
        {
            throw new FormatException($"The signature is {signature.Length} bytes; AccessToken2 signatures are {AccessToken2Signature.Length}.");
        }

        var signingInfoStart = reader.Position;
        var appId = reader.ReadString("app id");
        var issueTs = reader.ReadUInt32("issue time");
        var expire = reader.ReadUInt32("expire");
        var salt = reader.ReadUInt32("salt");
        var count = reader.ReadUInt16("service count");
        var services = ImmutableArray.CreateBuilder<AgoraTokenService>(count);
        for (var i = 0; i < count; i++)
        {
            services.Add(ReadService(ref reader));
        }

        if (reader.Remaining > 0)
        {
            throw new FormatException($"The token payload has {reader.Remaining} unexpected bytes after the last service.");
        }

        return new ParsedAccessToken2(
            appId, issueTs, expire, salt, [.. signature], [.. payload[signingInfoStart..]], services.MoveToImmutable());
    }

    private static AgoraTokenService ReadService(ref PayloadReader reader)
    {
        var type = (AgoraServiceType)reader.ReadUInt16("service type");
        switch (type)
        {
            case AgoraServiceType.Rtc:
                var rtcPrivileges = reader.ReadPrivileges("RTC");
                return new RtcTokenService(reader.ReadString("RTC channel name"), reader.ReadString("RTC uid"), rtcPrivileges);
            case AgoraServiceType.Rtm:
                var rtmPrivileges = reader.ReadPrivileges("RTM");
                return new RtmTokenService(reader.ReadString("RTM user id"), rtmPrivileges);
            default:
                // The service's length is not self-describing, so an unsupported type stops the parse.
                var name = Enum.IsDefined(type) ? $"{(ushort)type} ({type})" : $"{(ushort)type} (unknown)";
                throw new FormatException($"Service type {name} is not supported; only RTC (1) and RTM (2) can be read.");
        }
    }
}
