using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary>Shared by the page objects of interactive (Blazor Server) pages.</summary>
public abstract class BlazorPage(IPage page)
{
    protected IPage Page { get; } = page;

    /// <summary>
    /// Prerendered buttons are on screen before the circuit connects, and a click on them then does nothing; live
    /// subscriptions also start only with the circuit. Wait for it before acting, rather than sleeping.
    /// </summary>
    public async Task WaitUntilInteractiveAsync()
    {
        await Page.GetByTestId(TestIds.Interactive).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
