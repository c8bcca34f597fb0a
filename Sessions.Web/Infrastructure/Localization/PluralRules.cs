using System.Globalization;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>CLDR's plural categories: which form of a word a count takes. English uses one and other; Arabic all six.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// CLDR's cardinal plural rules for the portal's languages (unicode.org/cldr, plurals.xml) for whole counts. A language
/// without rules here is read as English is (one, other).
/// </summary>
public static class PluralRules
{
    public static PluralCategory Of(CultureInfo culture, long count) => culture.TwoLetterISOLanguageName switch
    {
        "ar" => Arabic(count),
        _ => count == 1 ? PluralCategory.One : PluralCategory.Other,
    };

    /// <summary>zero: 0; one: 1; two: 2; few: n % 100 = 3..10; many: n % 100 = 11..99; other: 100, 101, 102, …</summary>
    private static PluralCategory Arabic(long count) => Math.Abs(count) switch
    {
        0 => PluralCategory.Zero,
        1 => PluralCategory.One,
        2 => PluralCategory.Two,
        var n when n % 100 is >= 3 and <= 10 => PluralCategory.Few,
        var n when n % 100 is >= 11 and <= 99 => PluralCategory.Many,
        _ => PluralCategory.Other,
    };
}
