using System.IO.Compression;
using Xunit;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

// Packs and unpacks token bodies with the BCL directly, so assertions about payload bytes never go through the parser under test.
internal static class TokenBytes
{
    public static byte[] Inflate(string token)
    {
        Assert.StartsWith("007", token, StringComparison.Ordinal);
        using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(token[3..])), CompressionMode.Decompress);
        using var payload = new MemoryStream();
        zlib.CopyTo(payload);
        return payload.ToArray();
    }

    public static string Pack(byte[] payload)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(payload);
        }

        return "007" + Convert.ToBase64String(compressed.ToArray());
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
