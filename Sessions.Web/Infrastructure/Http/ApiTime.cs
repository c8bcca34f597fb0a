using System.Globalization;
using System.Text.RegularExpressions;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>The API speaks ISO 8601 with an offset; stored instants are UTC.</summary>
public static partial class ApiTime
{
    /// <summary>The years an instant the API reads may fall in: any real booking or filter, and far from the ends of the calendar.</summary>
    public const int EarliestYear = 1900;
    public const int LatestYear = 2999;

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? utc) => utc is { } value ? Utc(value) : null;

    /// <summary>
    /// An ISO 8601 instant with its offset (<c>2026-11-30T09:00:00+01:00</c> or <c>…Z</c>) as UTC; null when absent.
    /// The text must be exactly that, nothing around it: a time without an offset is refused (the API never guesses a
    /// time zone), and so are white space, a trailing newline, other digits than 0–9 and years outside
    /// <see cref="EarliestYear"/>–<see cref="LatestYear"/>.
    /// </summary>
    public static DateTime? ReadInstant(FieldErrors errors, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!IsoInstantWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || instant.UtcDateTime.Year is < EarliestYear or > LatestYear)
        {
            errors.Add(field, $"{field} must be an ISO 8601 date and time with an offset, such as 2026-11-30T09:00:00+01:00, "
                + $"in the years {EarliestYear} to {LatestYear}.");
            return null;
        }
        return instant.UtcDateTime;
    }

    // \z, not $: in .NET, $ also matches before a final newline. [0-9], not \d: \d matches every script's digits.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex IsoInstantWithOffset();
}
