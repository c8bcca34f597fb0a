using System.Globalization;
using System.Text.RegularExpressions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>The API speaks ISO 8601 with an offset; stored instants are UTC.</summary>
public static partial class ApiTime
{
    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? utc) => utc is { } value ? Utc(value) : null;

    /// <summary>
    /// An ISO 8601 instant with its offset (<c>2026-11-30T09:00:00+01:00</c> or <c>…Z</c>) as UTC; null when absent.
    /// A time without an offset is refused: the API never guesses a time zone.
    /// </summary>
    public static DateTime? ReadInstant(FieldErrors errors, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!HasOffset(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            errors.Add(field, $"{field} must be an ISO 8601 date and time with an offset, such as 2026-11-30T09:00:00+01:00.");
            return null;
        }
        return instant.UtcDateTime;
    }

    private static bool HasOffset(string text) => IsoInstantWithOffset().IsMatch(text);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstantWithOffset();
}
