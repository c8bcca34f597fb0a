using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary>The banner every page shows while its connection to the portal is lost (Components/Layout/ReconnectBanner.razor).</summary>
public sealed class ReconnectBanner(IPage page)
{
    public ILocator Banner => page.GetByTestId(TestIds.ReconnectBanner);

    public ILocator Reconnecting => page.GetByTestId(TestIds.ReconnectReconnecting);

    public ILocator BackOnline => page.GetByTestId(TestIds.ReconnectBackOnline);

    public ILocator NeedsReload => page.GetByTestId(TestIds.ReconnectNeedsReload);

    public ILocator Reload => page.GetByTestId(TestIds.ReconnectReload);

    /// <summary>Blazor's own error strip, which a restart must not show.</summary>
    public ILocator ErrorBar => page.GetByTestId(TestIds.ErrorBar);
}
