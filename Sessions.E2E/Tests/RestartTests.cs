using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>The portal restarted (SIGTERM, then started again on its port and database) under a student's open class page.</summary>
[Collection(RestartAppGroup.Name)]
public sealed class RestartTests : BrowserTest
{
    private readonly LiveServerFixture _app;
    private readonly ITestOutputHelper _output;

    public RestartTests(LiveServerFixture app, ChromiumFixture chromium, ITestOutputHelper output)
        : base(app, chromium)
    {
        _app = app;
        _output = output;
    }

    /// <summary>What a rolling deployment may wait for an instance to stop.</summary>
    private static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(5);

    /// <summary>How long the test lets a stuck portal run before it calls that a failure of its own.</summary>
    private static readonly TimeSpan ShutdownPatience = TimeSpan.FromSeconds(40);

    /// <summary>The browser's reconnection attempts back off; the new process is up a few seconds after the old one left.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions AfterTheRestart = new() { Timeout = 90_000 };

    private static readonly LocatorAssertionsToHaveTextOptions AsShown = new() { UseInnerText = true };

    [Fact]
    public async Task A_restart_shows_the_portals_reconnecting_banner_stops_within_five_seconds_with_a_hub_client_and_then_asks_for_a_reload()
    {
        var algebra = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var tab = await SignInAsync(SeededData.Student(3), StudentClassesPage.Path);
        var classPage = new ClassPage(tab);
        await classPage.GotoAsync(algebra.ClassId);
        var banner = new ReconnectBanner(tab);
        await Expect(banner.Banner).ToBeHiddenAsync();
        await Expect(classPage.LiveUpdates).ToHaveTextAsync("Live updates on", AsShown);

        // A mobile app's hub connection too: the portal must not wait for it either, and it is told to go.
        await using var hub = await Seed.HubConnectionAsync(SeededData.Student(4));
        await hub.StartAsync();
        var hubClosed = new TaskCompletionSource();
        hub.Closed += _ => { hubClosed.TrySetResult(); return Task.CompletedTask; };

        var stopped = _app.StopAsync(ShutdownPatience);

        await Expect(banner.Reconnecting).ToHaveTextAsync("Reconnecting… your session continues", AsShown);
        await Expect(classPage.LiveUpdates).ToHaveTextAsync("Reconnecting…", AsShown);
        await Expect(tab.GetByText("Rejoin failed")).ToHaveCountAsync(0);
        await Expect(tab.GetByText("Rejoining the server")).ToHaveCountAsync(0);
        await Expect(banner.ErrorBar).ToBeHiddenAsync();
        await AxeAsync(tab, "reconnecting");
        var shutdown = await stopped;
        _output.WriteLine($"Exited {shutdown.TotalMilliseconds:0} ms after SIGTERM with a page and a hub client open.");
        await hubClosed.Task.WaitAsync(ShutdownPatience);
        Assert.True(shutdown < ShutdownBudget, $"The portal took {shutdown.TotalSeconds:0.0} s to exit after SIGTERM with a page open.");

        await _app.StartAgainAsync();

        // The new process does not have the page's circuit: the page cannot carry on, and says so.
        await Expect(banner.NeedsReload).ToBeVisibleAsync(AfterTheRestart);
        await Expect(banner.Reconnecting).ToBeHiddenAsync();
        await Expect(banner.ErrorBar).ToBeHiddenAsync();
        await AxeAsync(tab, "needs-reload");
        await banner.Reload.FocusAsync();
        await tab.Keyboard.PressAsync("Enter");

        await Expect(banner.Banner).ToBeHiddenAsync();
        await Expect(classPage.LiveUpdates).ToHaveTextAsync("Live updates on", AsShown);
        await Screenshot(tab, "class-page-after-restart");
    }
}
