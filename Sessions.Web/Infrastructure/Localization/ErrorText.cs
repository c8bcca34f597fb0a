using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// A refusal's title and detail in the current language; its <c>code</c> never changes. Without a translation the English
/// text of the error stays. A translation may name the error's facts (<c>{row}</c>), filled in with the culture's digits.
/// </summary>
public sealed partial class ErrorText(IStringLocalizer<ErrorMessages> text)
{
    /// <summary>A field's or a row's message in the current language; English when it has no key or no translation.</summary>
    public string Field(FieldMessage message) => Detail(message.Key, message.English, message.Facts) ?? message.English;

    public string Detail(ServiceError error) => Detail(error.Code, error.Message, error.Details) ?? error.Message;

    public string? Detail(string? code, string? english, IReadOnlyDictionary<string, object?>? facts)
    {
        if (code is null || text[code] is not { ResourceNotFound: false } translated)
        {
            return english;
        }
        var filled = Placeholder().Replace(translated.Value, match =>
            facts is not null && facts.TryGetValue(match.Groups[1].Value, out var fact) && fact is not null
                ? Convert.ToString(fact, CultureInfo.CurrentCulture) ?? match.Value
                : match.Value);
        return NativeDigits.Apply(filled, CultureInfo.CurrentCulture);
    }

    /// <summary>The translated title of a status (<c>status_404</c>), or <paramref name="english"/>.</summary>
    public string? Title(int status, string? english) =>
        text[string.Create(CultureInfo.InvariantCulture, $"status_{status}")] is { ResourceNotFound: false } translated ? translated.Value : english;

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
