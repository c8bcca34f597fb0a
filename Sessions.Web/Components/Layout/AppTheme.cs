using MudBlazor;

namespace Sessions.Web.Components.Layout;

/// <summary>
/// The portal's one palette. Every colour is chosen so that its pairs meet WCAG 2.1 AA: white text on each filled colour,
/// each colour as text on the page and on cards, and each alert's text on its tinted background reach 4.5:1; the focus
/// ring (app.css) reaches 3:1 against what it is drawn on. AppThemeContrastTests computes every pair; fix a failing pair
/// here, not on a page.
/// </summary>
internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00796b",
            Tertiary = "#00695c",
            Info = "#1565c0",
            // Material green 800, orange-brown and red 800: MudBlazor's defaults (#00c853, #ff9800, #f44336) carry white
            // text at 2.2:1, 2.2:1 and 3.7:1.
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            // Secondary text also sits on the grey of a closed session card (BackgroundGray): the default 54 % black is 4.2:1 there.
            TextSecondary = "#616161",
            AppbarBackground = "#3949ab",
            // Text field borders and underlines identify the field (WCAG 1.4.11): the default #bdbdbd is 1.9:1 on white.
            LinesInputs = "#858585",
        },
    };
}
