using MudBlazor;
using MudBlazor.Utilities;
using Sessions.Web.Components.Layout;

namespace Sessions.Web.Tests.Components.Layout;

/// <summary>
/// Every colour pair the theme puts on screen meets WCAG 2.1 AA: 4.5:1 for text (1.4.3), 3:1 for the focus ring and input
/// borders (1.4.11), computed with WCAG's relative luminance. A colour with transparency is first laid over its background,
/// as the browser does.
/// </summary>
public sealed class AppThemeContrastTests
{
    private const double Text = 4.5;
    private const double Component = 3.0;

    private static readonly Palette Palette = AppTheme.Theme.PaletteLight;

    /// <summary>Foreground, background, the ratio they need: the pairs MudBlazor's stylesheet and app.css draw.</summary>
    private static readonly Dictionary<string, (Func<Palette, MudColor> Foreground, Func<Palette, MudColor> Background, double Minimum)> Pairs = new()
    {
        ["text on the page"] = (p => p.TextPrimary, p => p.Background, Text),
        ["text on a card"] = (p => p.TextPrimary, p => p.Surface, Text),
        ["secondary text on a card"] = (p => p.TextSecondary, p => p.Surface, Text),
        ["secondary text on a closed session card"] = (p => p.TextSecondary, p => p.BackgroundGray, Text),
        ["app bar text"] = (p => p.AppbarText, p => p.AppbarBackground, Text),
        ["input border on a card"] = (p => p.LinesInputs, p => p.Surface, Component),
        ["icon button on a card"] = (p => p.ActionDefault, p => p.Surface, Component),
        // app.css: the :focus-visible ring is the primary colour, and the app bar's text colour inside the app bar.
        ["focus ring on the page"] = (p => p.Primary, p => p.Background, Component),
        ["focus ring on a closed session card"] = (p => p.Primary, p => p.BackgroundGray, Component),
        ["focus ring in the app bar"] = (p => p.AppbarText, p => p.AppbarBackground, Component),
    };

    private static readonly Dictionary<string, Func<Palette, (MudColor Color, MudColor ContrastText, MudColor Darken)>> Colours = new()
    {
        ["Primary"] = p => (p.Primary, p.PrimaryContrastText, p.PrimaryDarken),
        ["Secondary"] = p => (p.Secondary, p.SecondaryContrastText, p.SecondaryDarken),
        ["Tertiary"] = p => (p.Tertiary, p.TertiaryContrastText, p.TertiaryDarken),
        ["Info"] = p => (p.Info, p.InfoContrastText, p.InfoDarken),
        ["Success"] = p => (p.Success, p.SuccessContrastText, p.SuccessDarken),
        ["Warning"] = p => (p.Warning, p.WarningContrastText, p.WarningDarken),
        ["Error"] = p => (p.Error, p.ErrorContrastText, p.ErrorDarken),
        ["Dark"] = p => (p.Dark, p.DarkContrastText, p.DarkDarken),
    };

    public static TheoryData<string> PairNames => [.. Pairs.Keys];

    public static TheoryData<string> ColourNames => [.. Colours.Keys];

    [Theory]
    [MemberData(nameof(PairNames))]
    public void A_pair_meets_its_ratio(string pair)
    {
        var (foreground, background, minimum) = Pairs[pair];
        AssertContrast(pair, foreground(Palette), background(Palette), minimum);
    }

    [Theory]
    [MemberData(nameof(ColourNames))]
    public void A_theme_colour_is_readable_wherever_MudBlazor_draws_it(string name)
    {
        var (colour, contrastText, darken) = Colours[name](Palette);
        // Filled buttons and chips (Live, Attended, Absent, Join session, Cancel, End) and their hover.
        AssertContrast($"{name} contrast text on {name}", contrastText, colour, Text);
        AssertContrast($"{name} contrast text on {name} darken", contrastText, darken, Text);
        // Text, outlined and link variants on the page and on cards.
        AssertContrast($"{name} on the page", colour, Palette.Background, Text);
        AssertContrast($"{name} on a card", colour, Palette.Surface, Text);
        // A MudAlert's text variant: the darkened colour on the colour's hover tint (an error on the sign-in page), and an
        // outlined button in that alert (the room's Retry), which is also how an outlined button looks when hovered.
        var tint = Over(new MudColor(colour.R, colour.G, colour.B, Palette.HoverOpacity), Palette.Surface);
        AssertContrast($"{name} alert text", darken, tint, Text);
        AssertContrast($"{name} on its own tint", colour, tint, Text);
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#ffffff", "#00c853", 2.24)] // white on MudBlazor's default success green: 2.237, which axe reported as 2.23
    public void The_ratio_is_WCAGs(string foreground, string background, double expected)
    {
        Assert.Equal(expected, Contrast(new MudColor(foreground), new MudColor(background)), precision: 2);
    }

    private static void AssertContrast(string what, MudColor foreground, MudColor background, double minimum)
    {
        var ratio = Contrast(foreground, background);
        Assert.True(ratio >= minimum,
            $"{what}: {foreground.Value} on {background.Value} is {ratio:0.00}:1, below {minimum}:1 (change AppTheme's palette).");
    }

    /// <summary>WCAG 2.1's contrast ratio: (L1 + 0.05) / (L2 + 0.05), lighter over darker; a translucent foreground is composited first.</summary>
    public static double Contrast(MudColor foreground, MudColor background)
    {
        var a = RelativeLuminance(Over(foreground, background));
        var b = RelativeLuminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static MudColor Over(MudColor colour, MudColor background)
    {
        var alpha = colour.A / 255.0;
        byte Mix(byte top, byte bottom) => (byte)Math.Round(top * alpha + bottom * (1 - alpha));
        return new MudColor(Mix(colour.R, background.R), Mix(colour.G, background.G), Mix(colour.B, background.B), (byte)255);
    }

    /// <summary>https://www.w3.org/TR/WCAG21/#dfn-relative-luminance</summary>
    private static double RelativeLuminance(MudColor colour)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(colour.R) + 0.7152 * Channel(colour.G) + 0.0722 * Channel(colour.B);
    }
}
