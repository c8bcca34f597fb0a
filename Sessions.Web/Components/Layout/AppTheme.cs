using MudBlazor;

namespace Sessions.Web.Components.Layout;

internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#3949ab",
        },
    };
}
