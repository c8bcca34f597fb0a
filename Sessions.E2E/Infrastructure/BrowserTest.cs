using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.E2E.Pages;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// A test that drives the live app with several users at once: each user gets a browser context of their own
/// (own cookies, own circuit), closed after the test.
/// </summary>
public abstract class BrowserTest(Uri baseUrl, ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _cspViolations = new();
    private readonly List<string> _axeFailures = [];

    /// <summary>One line per page state checked by axe, kept with the screenshots: the figures behind docs/accessibility.md.</summary>
    private static readonly Lock AxeReportLock = new();
    private static readonly Regex AnyTitle = new(@"\S", RegexOptions.None, TimeSpan.FromSeconds(1));

    protected BrowserTest(LiveServerFixture app, ChromiumFixture chromium)
        : this(app.BaseUrl, chromium)
    {
    }

    protected SeededData Seed { get; } = new(baseUrl);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Closes the test's browsers, and fails the test if any of its pages reported a Content-Security-Policy violation or
    /// a serious or critical axe violation (<see cref="AxeAsync"/>).
    /// </summary>
    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        Assert.True(_cspViolations.IsEmpty, $"The pages reported Content-Security-Policy violations:\n{string.Join('\n', _cspViolations)}");
        Assert.True(_axeFailures.Count == 0, $"axe found serious or critical accessibility violations:\n{string.Join('\n', _axeFailures)}");
    }

    /// <summary>
    /// Checks the page as it is now with axe-core (WCAG 2.1 A/AA and best practices). A serious or critical violation
    /// fails the test when it ends, so one run lists every state that fails rather than the first; every finding is
    /// also counted in <c>axe-report.tsv</c> next to the screenshots.
    /// </summary>
    protected async Task AxeAsync(IPage page, string state)
    {
        // While a page's circuit starts, Blazor's HeadOutlet renders the <title> again; a check in that moment sees none.
        await Assertions.Expect(page).ToHaveTitleAsync(AnyTitle);
        var violations = await Axe.RunAsync(page);
        var name = $"{GetType().Name}.{state}";
        var failing = violations.Where(violation => violation.Fails).ToList();
        if (failing.Count > 0)
        {
            _axeFailures.Add($"{name} ({page.Url}):\n{string.Join('\n', failing.Select(violation => violation.Describe()))}");
        }
        var line = string.Join('\t', name, new Uri(page.Url).AbsolutePath, failing.Sum(violation => violation.Nodes.Count),
            violations.Sum(violation => violation.Nodes.Count),
            string.Join(' ', violations.Select(violation => $"{violation.Id}:{violation.Impact}:{violation.Nodes.Count}")));
        lock (AxeReportLock)
        {
            File.AppendAllText(Path.Combine(chromium.ScreenshotFolder, "axe-report.tsv"), line + "\n");
        }
    }

    /// <summary>The violations reported so far, which then no longer fail the test: for a test that causes them on purpose.</summary>
    protected IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (_cspViolations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }
        return taken;
    }

    /// <summary>A new browser context signed in as <paramref name="email"/> (a seeded account), on its landing page.</summary>
    protected Task<IPage> SignInAsync(string email, string landingPath) => SignInAsync(email, SeededData.Password, landingPath);

    /// <summary>A new browser context signed in as <paramref name="email"/> with <paramref name="password"/>, on its landing page.</summary>
    protected async Task<IPage> SignInAsync(string email, string password, string landingPath, string locale = "en-US")
    {
        var page = await NewPageAsync(locale);
        await new LoginPage(page).SignInAsync(email, password, landingPath);
        return page;
    }

    /// <summary>A new, signed-out browser context, watched for Content-Security-Policy violations like the others.</summary>
    protected async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var page = await chromium.NewPageAsync(baseUrl, _cspViolations, locale);
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>Keeps a screenshot of a key moment with the test results.</summary>
    protected Task Screenshot(IPage page, string moment) => chromium.ScreenshotAsync(page, $"{GetType().Name}.{moment}");
}
