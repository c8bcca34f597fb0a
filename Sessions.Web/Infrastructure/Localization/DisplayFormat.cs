using System.Globalization;
using Microsoft.Extensions.Localization;
using Sessions.Web.Components.Common;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// Dates, times, numbers and durations as the current culture shows them: the patterns are texts of <see cref="CommonText"/>
/// (a language chooses its own order and its default clock, <c>Format.Clock</c>; each time pattern is written for both
/// clocks, <c>Format.Time.h12</c> and <c>Format.Time.h23</c>) and the digits are the culture's. The user's own clock and digits
/// come with the culture (<see cref="PreferredCulture"/>). Machine formats (CSV,
/// API JSON, input values) stay invariant and do not come here.
/// </summary>
public sealed class DisplayFormat(IStringLocalizer<CommonText> text)
{
    /// <summary>"Tue 1 Dec, 14:05" (with a 12-hour clock "Tue 1 Dec, 2:05 PM"); in Arabic "الثلاثاء ١ ديسمبر، ٢:٠٥ م".</summary>
    public string DayAndTime(DateTime local) => TimePattern(local, "Format.DayAndTime");

    /// <summary>"Tuesday 1 December": a day's heading.</summary>
    public string Day(DateTime local) => Pattern(local, "Format.Day");

    /// <summary>"2026-12-01 14:05:09": an exact moment, as in the audit trail (in Arabic with the month's name).</summary>
    public string Timestamp(DateTime moment) => TimePattern(moment, "Format.Timestamp");

    /// <summary>"2026-12-01 14:05": a deadline to the minute.</summary>
    public string DateAndTime(DateTime moment) => TimePattern(moment, "Format.DateAndTime");

    /// <summary>"14:05"; in Arabic "٢:٠٥ م".</summary>
    public string Time(DateTime local) => TimePattern(local, "Format.Time");

    /// <summary>A count or an amount with the culture's separators and digits.</summary>
    public string Number(double value, string format = "0.#") => Localized(value.ToString(format, CultureInfo.CurrentCulture));

    /// <summary>
    /// A count with the word its number takes: <c>{key}.{category}</c> of <paramref name="text"/> (<c>Class.Students.few</c>),
    /// falling back to <c>{key}.other</c>; English writes one and other, Arabic also zero, two, few and many (CLDR,
    /// <see cref="PluralRules"/>). <c>{0}</c> is the count in the culture's digits.
    /// </summary>
    public string Count(IStringLocalizer text, string key, long count)
    {
        var category = PluralRules.Of(CultureInfo.CurrentUICulture, count).ToString().ToLowerInvariant();
        var form = text[$"{key}.{category}"] is { ResourceNotFound: false } found ? found : text[$"{key}.other"];
        return string.Format(CultureInfo.CurrentCulture, form.Value, Number(count));
    }

    /// <inheritdoc cref="Durations.Clock"/>
    public string Clock(TimeSpan span) => Localized(Durations.Clock(span));

    /// <summary>"in 3 d 4 h", "in 2 h 05 min", "in 4:05": the countdown on a Start button.</summary>
    public string Countdown(TimeSpan span) => Localized(span.TotalDays >= 1
        ? text["Format.CountdownDays", (int)span.TotalDays, span.Hours]
        : span.TotalHours >= 1
            ? text["Format.CountdownHours", (int)span.TotalHours, span.Minutes.ToString("00", CultureInfo.InvariantCulture)]
            : text["Format.CountdownClock", Durations.Clock(span)]);

    /// <summary>A pattern with a time of day, in the user's clock or else the language's.</summary>
    private string TimePattern(DateTime local, string key) =>
        Pattern(local, $"{key}.{PreferredCulture.ClockOf(CultureInfo.CurrentCulture) ?? text["Format.Clock"]}");

    private string Pattern(DateTime local, string key) => Localized(local.ToString(text[key], CultureInfo.CurrentCulture));

    private static string Localized(string formatted) => NativeDigits.Apply(formatted, CultureInfo.CurrentCulture);
}
