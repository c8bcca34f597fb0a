using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sessions.Web.Features.Video.AccessTokens;

// The two key-derivation steps use the little-endian integers as HMAC *keys* and the secret as the *message*;
// that reversal is Agora's, and swapping them yields valid-looking tokens that Agora rejects.
internal static class AccessToken2Signature
{
    public const int Length = 32;

    public static byte[] Key1(string appCertificate, uint issueTs) =>
        HMACSHA256.HashData(LittleEndian(issueTs), Encoding.UTF8.GetBytes(appCertificate));

    public static byte[] Key2(byte[] key1, uint salt) => HMACSHA256.HashData(LittleEndian(salt), key1);

    public static byte[] Sign(string appCertificate, uint issueTs, uint salt, ReadOnlySpan<byte> signingInfo) =>
        HMACSHA256.HashData(Key2(Key1(appCertificate, issueTs), salt), signingInfo);

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
