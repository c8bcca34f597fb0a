using System.Runtime.CompilerServices;
using System.Text;

namespace Sessions.Web.Features.Notifications;

/// <summary>Firestore's rules for a document id: not empty, no '/', not '.' or '..', not __…__, at most 1500 bytes of UTF-8.</summary>
public static class FirestoreDocumentId
{
    public const int MaxBytes = 1500;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArgumentException">The id cannot name a Firestore document.</exception>
    public static void Validate(string id, [CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        if (Problem(id) is { } problem)
        {
            throw new ArgumentException($"'{Shorten(id)}' is not a valid Firestore document id: {problem}.", paramName);
        }
    }

    private static string? Problem(string id)
    {
        if (id.Length == 0)
        {
            return "it is empty";
        }
        if (id.Contains('/', StringComparison.Ordinal))
        {
            return "it contains '/'";
        }
        if (id is "." or "..")
        {
            return "'.' and '..' are reserved";
        }
        if (id.Length >= 4 && id.StartsWith("__", StringComparison.Ordinal) && id.EndsWith("__", StringComparison.Ordinal))
        {
            return "ids of the form __…__ are reserved";
        }
        int bytes;
        try
        {
            bytes = _strictUtf8.GetByteCount(id);
        }
        catch (EncoderFallbackException)
        {
            return "it is not valid Unicode";
        }
        return bytes > MaxBytes ? $"it is {bytes} bytes of UTF-8, more than {MaxBytes}" : null;
    }

    private static string Shorten(string id) => id.Length <= 64 ? id : string.Concat(id.AsSpan(0, 64), "…");
}
