using System.Collections.Concurrent;
using System.Globalization;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// A culture with the user's own clock and digits on top of the language's: what <see cref="DisplayFormat"/> reads through
/// <see cref="CultureInfo.CurrentCulture"/>, so it reaches a Blazor circuit as the culture does.
/// </summary>
public sealed class PreferredCulture : CultureInfo
{
    private static readonly ConcurrentDictionary<(string Name, string? Clock, string? Digits), CultureInfo> Made = new();

    private PreferredCulture(string name, string? clock, string? digits) : base(name)
    {
        Clock = clock;
        if (digits is not null)
        {
            NumberFormat.NativeDigits = DigitPreference.Digits[digits];
        }
    }

    /// <summary>A <see cref="ClockPreference"/>, or null for the language's clock.</summary>
    public string? Clock { get; }

    /// <summary>The user's clock in <paramref name="culture"/>, or null for the language's.</summary>
    public static string? ClockOf(CultureInfo culture) => culture is PreferredCulture preferred ? preferred.Clock : null;

    /// <summary><paramref name="culture"/> itself when nothing is chosen or a choice is unknown, else a shared read-only copy with the choices.</summary>
    public static CultureInfo Of(CultureInfo culture, string? clock, string? digits)
    {
        clock = ClockPreference.All.Contains(clock) ? clock : null;
        digits = digits is not null && DigitPreference.Digits.ContainsKey(digits) ? digits : null;
        return clock is null && digits is null
            ? culture
            : Made.GetOrAdd((culture.Name, clock, digits), key => ReadOnly(new PreferredCulture(key.Name, key.Clock, key.Digits)));
    }
}
