using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.LoadTest;

/// <summary>
/// Students' class pages in one headless Debian Chromium: a browser context per student (own cookie, own circuit), signed in
/// through the static sign-in form with a return URL, so the only circuit each student opens is the class page's.
/// </summary>
internal sealed class ClassPages : IAsyncDisposable
{
    // Chromium's own calls home are refused by this machine's closed network; the flags keep it from trying.
    private static readonly string[] ChromiumFlags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _portal;

    private ClassPages(IPlaywright playwright, IBrowser browser, Uri portal)
    {
        _playwright = playwright;
        _browser = browser;
        _portal = portal;
    }

    public static async Task<ClassPages> LaunchAsync(Uri portal, string chromiumPath)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromiumPath, Headless = true, Args = ChromiumFlags });
        return new ClassPages(playwright, browser, portal);
    }

    /// <summary>Signs the student in and returns their class page once it is interactive and listening for live sessions.</summary>
    public async Task<IPage> OpenAsync(string email, int classId)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _portal.ToString() });
        var page = await context.NewPageAsync();
        var classPath = $"/classes/{classId}";
        await page.GotoAsync($"/login?ReturnUrl={Uri.EscapeDataString(classPath)}");
        await page.GetByTestId(TestIds.LoginEmail).FillAsync(email);
        await page.GetByTestId(TestIds.LoginPassword).FillAsync(LargeSeed.Password);
        await page.GetByTestId(TestIds.LoginSubmit).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == classPath);
        // Shown by the page's live part once its circuit is up and subscribed to the class.
        await page.GetByTestId(TestIds.LiveUpdates).WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
