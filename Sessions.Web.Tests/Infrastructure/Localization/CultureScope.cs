using System.Globalization;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>Renders in a culture, as a circuit connected in it does (its CurrentCulture and CurrentUICulture), then restores the test's.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string culture, string? uiCulture = null)
        : this(CultureInfo.GetCultureInfo(culture), uiCulture ?? culture)
    {
    }

    /// <summary>A culture made for a user's choices (<c>PreferredCulture.Of</c>), with the texts of <paramref name="uiCulture"/>.</summary>
    public CultureScope(CultureInfo culture, string uiCulture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(uiCulture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
