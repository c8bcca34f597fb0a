using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium per test collection; each user gets a browser context of their own
/// (own cookies, own Blazor circuit). Chromium is the system one: Playwright does not download browsers here.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Blazor Server on a small CI machine: give retrying assertions more than Playwright's default 5 s.</summary>
    private const float ExpectTimeoutMs = 15_000;

    private const float NavigationTimeoutMs = 60_000;

    private const string CspViolationBinding = "__sessionsCspViolation";

    /// <summary>
    /// Runs in every page and frame before its own scripts. <c>window.__cspReported</c> settles once the test side has the
    /// latest report, for a test that causes a violation on purpose and must not race its delivery.
    /// </summary>
    private const string ReportCspViolations = $$"""
        document.addEventListener("securitypolicyviolation", e => { window.__cspReported = window.{{CspViolationBinding}}(
            `${e.effectiveDirective} refused ${e.blockedURI || "inline"} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`); });
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Screenshots are kept as test artifacts: <c>$E2E_ARTIFACTS</c>, or <c>TestResults/screenshots</c> next to the test assembly.</summary>
    public string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("E2E_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.GetFullPath(artifacts)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium).");
        }
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
                // The video room asks for camera and microphone: grant them without a prompt, from fake devices.
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh, signed-out browser context whose relative URLs resolve against the app. Every Content-Security-Policy
    /// violation any of its pages reports (the browser's <c>securitypolicyviolation</c> event) is added to
    /// <paramref name="cspViolations"/>, across navigations.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, ConcurrentQueue<string> cspViolations, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            // The browser's language: its Accept-Language header and navigator.language.
            Locale = locale,
        });
        // A first sign-in also compiles the app's pages: on a small machine with other work under way it has taken over
        // Playwright's default 30 s to land.
        context.SetDefaultNavigationTimeout(NavigationTimeoutMs);
        await context.ExposeFunctionAsync(CspViolationBinding, (string violation) => cspViolations.Enqueue(violation));
        await context.AddInitScriptAsync(ReportCspViolations);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page PNG named after the test and the moment, e.g. <c>StartSessionTests.student-sees-join-card.png</c>.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
