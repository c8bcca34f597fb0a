using System.Globalization;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// .NET formats every number with the digits 0–9 whatever the culture; the culture's own digits (Arabic-Indic for <c>ar</c>,
/// Latin for <c>ar-u-nu-latn</c> and <c>en</c>) are applied here, to text meant for people only.
/// </summary>
public static class NativeDigits
{
    public static string Apply(string text, CultureInfo culture)
    {
        var digits = culture.NumberFormat.NativeDigits;
        if (digits[0] == "0")
        {
            return text;
        }
        return string.Create(text.Length, (text, digits), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = c is >= '0' and <= '9' && state.digits[c - '0'].Length == 1 ? state.digits[c - '0'][0] : c;
            }
        });
    }
}
