using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Sessions.Web.Features.Calendar;

/// <summary>The feed's secret: 256 random bits as base64url (43 characters), stored only as its SHA-256.</summary>
public static class CalendarFeedSecret
{
    public const int TokenBytes = 32;
    public const int HashBytes = 32;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>
    /// The stored form of a token. The lookup is by this hash, so the database compares values the caller cannot choose
    /// prefix by prefix: a timing difference tells nothing about the stored token.
    /// </summary>
    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Only well-formed tokens are looked up: anything else is unknown without touching the database.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
