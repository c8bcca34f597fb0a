using System.Collections.Frozen;

namespace Sessions.Web.Features.Accounts;

/// <summary>
/// The clock a user reads times in. Its values are Unicode's hour cycles (<c>-u-hc-h12</c>); none means the language's own
/// (24-hour English, 12-hour Arabic).
/// </summary>
public static class ClockPreference
{
    public const string TwelveHour = "h12";
    public const string TwentyFourHour = "h23";

    public static readonly IReadOnlyList<string> All = [TwelveHour, TwentyFourHour];
}

/// <summary>
/// The digits a user reads numbers in. Its values are Unicode's numbering systems (<c>-u-nu-latn</c>); none means the
/// language's own (Arabic-Indic for Arabic, 0–9 for English).
/// </summary>
public static class DigitPreference
{
    public const string Latin = "latn";
    public const string ArabicIndic = "arab";

    public static readonly IReadOnlyList<string> All = [Latin, ArabicIndic];

    /// <summary>The ten digits of each numbering system, zero first.</summary>
    public static readonly FrozenDictionary<string, string[]> Digits = new Dictionary<string, string[]>
    {
        [Latin] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        [ArabicIndic] = ["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
