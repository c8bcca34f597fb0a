using System.Collections.Concurrent;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Proxy;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// Two instances behind the proxy: a student's class page lives in one instance's memory (its Blazor circuit), and the
/// educator starts and ends the session on the other. The page follows both all the same, because every live event goes
/// out once on the Redis bus and each instance feeds its own pages from there.
/// </summary>
[Collection(ScaledOutAppGroup.Name)]
public sealed class ClassPageBehindProxyTests(ScaledOutPortals cluster, ChromiumFixture chromium)
    : BrowserTest(cluster.ProxyUrl, chromium)
{
    /// <summary>Where the circuit's SignalR connection is negotiated; its WebSocket then follows the same affinity cookie.</summary>
    private const string CircuitNegotiatePath = "/_blazor/negotiate";

    /// <summary>A window variable that a reload or a full navigation would wipe.</summary>
    private const string NoReloadMarker = "window.__noReload";

    [Fact]
    public async Task A_start_and_an_end_on_the_other_instance_reach_the_class_page_live_through_Redis()
    {
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var studentTab = await SignInAsync(SeededData.Student(1), StudentClassesPage.Path);
        var student = new ClassPage(studentTab);
        // Which instance answered each page load and circuit negotiation: the proxy names it in X-Served-By.
        var servedBy = new ConcurrentQueue<(string Path, string? Instance)>();
        studentTab.Response += (_, response) => servedBy.Enqueue(
            (new Uri(response.Url).AbsolutePath, response.Headers.GetValueOrDefault(PortalCluster.ServedByHeader.ToLowerInvariant())));

        Assert.Equal(200, await student.GotoAsync(linearEquations.ClassId));
        await Expect(student.JoinCard(linearEquations.Id)).ToHaveCountAsync(0);
        await studentTab.EvaluateAsync($"() => {{ {NoReloadMarker} = true; }}");

        var pageInstance = Assert.Single(servedBy, r => r.Path == ClassPage.PathOf(linearEquations.ClassId)).Instance;
        Assert.NotNull(pageInstance);
        var otherInstance = Assert.Single(cluster.Instances, i => i.Key != pageInstance);
        // The teacher signs in on the other instance itself, past the proxy, so nothing can pin the start to the page's one.
        var onOtherInstance = new SeededData(otherInstance.Value);

        await onOtherInstance.StartAsync(SeededData.Teacher, linearEquations.Id);

        await Expect(student.JoinCard(linearEquations.Id)).ToBeVisibleAsync();
        await Expect(student.JoinButton(linearEquations.Id)).ToBeVisibleAsync();
        await Screenshot(studentTab, $"student-on-{pageInstance}-sees-join-card-started-on-{otherInstance.Key}");

        await onOtherInstance.EndAsync(SeededData.Teacher, linearEquations.Id);

        await Expect(student.JoinCard(linearEquations.Id)).ToHaveCountAsync(0);
        await Screenshot(studentTab, $"student-on-{pageInstance}-join-card-gone-ended-on-{otherInstance.Key}");

        // Both changes arrived over the one circuit, on the page's instance: no reload, and no circuit negotiated elsewhere
        // (a reconnect to the other instance would have heard the events there, in process).
        Assert.True(await studentTab.EvaluateAsync<bool>($"() => {NoReloadMarker} === true"),
            "The class page was reloaded: the join card should have come and gone live.");
        var circuits = servedBy.Where(r => r.Path == CircuitNegotiatePath).ToList();
        Assert.NotEmpty(circuits);
        Assert.All(circuits, circuit => Assert.Equal(pageInstance, circuit.Instance));
        Assert.NotEqual(otherInstance.Key, pageInstance);
    }
}
