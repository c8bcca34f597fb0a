using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// The languages the portal speaks, in one place (section <c>Cultures</c> of appsettings.json), checked at start. A formatting
/// culture may carry a Unicode extension (<c>ar-u-nu-latn</c>: Arabic with Latin digits); its texts are those of its language.
/// </summary>
public sealed class CultureOptions : IValidatableObject
{
    public const string Section = "Cultures";

    /// <summary>The culture of a request that names none the portal supports.</summary>
    [Required]
    public string Default { get; set; } = "";

    /// <summary>The cultures a user may choose, for dates and numbers; their languages are the texts' languages.</summary>
    [Required, MinLength(1)]
    public string[] Supported { get; set; } = [];

    public bool Supports(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages of the texts, in the order of <see cref="Supported"/>: <c>en</c>, <c>ar</c>.</summary>
    public IEnumerable<string> Languages => Supported.Select(LanguageOf).Distinct(StringComparer.Ordinal);

    /// <summary>The language whose texts a formatting culture shows: <c>ar</c> for <c>ar-u-nu-latn</c>.</summary>
    public static string LanguageOf(string culture) => CultureInfo.GetCultureInfo(culture).TwoLetterISOLanguageName;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Supports(Default))
        {
            yield return new ValidationResult($"The default culture '{Default}' is not among the supported ones.", [nameof(Default)]);
        }
        foreach (var name in Supported)
        {
            if (!IsKnown(name))
            {
                yield return new ValidationResult($"'{name}' is not a culture this machine knows.", [nameof(Supported)]);
            }
        }
    }

    /// <summary>A culture ICU knows; under invariant globalization (or for a made-up name) it would format as the invariant one.</summary>
    private static bool IsKnown(string name)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(name);
            return !culture.Equals(CultureInfo.InvariantCulture) && culture.TwoLetterISOLanguageName != CultureInfo.InvariantCulture.TwoLetterISOLanguageName;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
