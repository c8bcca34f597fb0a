using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.LoadTest;

/// <summary>
/// Blazor circuits: opens a class page per student in Chromium, measures the server's memory per idle circuit (managed heap
/// and RSS, each after a full GC, before and after the pages opened), then starts the classes' sessions together and
/// times each page from its session's start request until its join card is in the page.
/// </summary>
internal static class CircuitsScenario
{
    public static async Task RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var sessions = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), args.Number("classes", 5));
        var students = sessions.SelectMany(s => s.StudentEmails.Select(email => (Email: email, Session: s)))
            .Take(args.Number("pages", int.MaxValue)).ToList();
        using var portal = new PortalClient(url);
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        await using var browser = await ClassPages.LaunchAsync(url, args.Text("chromium", "/usr/bin/chromium"));

        // One page first, left open, so one-time costs (compiled queries, component metadata, caches) are not counted per circuit.
        var warmUp = students[0];
        await browser.OpenAsync(warmUp.Email, warmUp.Session.ClassId);
        var measured = students.Skip(1).ToList();
        var before = await portal.FiguresAsync(collect: true);
        var serverPid = args.Number("server-pid", 0);
        var heapBefore = serverPid > 0 ? HeapHistogram.Take(serverPid) : null;
        var clock = Stopwatch.StartNew();
        var pages = new ConcurrentBag<(IPage Page, SeededSession Session)>();
        await Parallel.ForEachAsync(measured, new ParallelOptions { MaxDegreeOfParallelism = args.Number("open-concurrency", 4) },
            async (student, _) => pages.Add((await browser.OpenAsync(student.Email, student.Session.ClassId), student.Session)));
        var openSeconds = clock.Elapsed.TotalSeconds;
        var justOpened = await portal.FiguresAsync(collect: true);
        Console.WriteLine($"{pages.Count} class pages interactive in {openSeconds:0.0} s; per circuit: {MemoryDelta.PerItem(before, justOpened, pages.Count)}");

        // A waiting student's page holds only its circuit: the keep-alive connections the browser used for the page's
        // assets are closed by the server once idle (Kestrel's KeepAliveTimeout, 130 s by default), and pooled buffers are
        // given back. Reading again after --idle seconds measures a student who waits rather than one who just arrived.
        var idle = args.Seconds("idle", 0);
        var after = justOpened;
        if (idle > TimeSpan.Zero)
        {
            await Task.Delay(idle);
            after = await portal.FiguresAsync(collect: true);
            Console.WriteLine($"after {idle.TotalSeconds:0} s idle; per circuit: {MemoryDelta.PerItem(before, after, pages.Count)}");
        }
        var heapGrowth = heapBefore is null ? null : HeapHistogram.GrowthPerItem(heapBefore, HeapHistogram.Take(serverPid), pages.Count, args.Number("heap-top", 40));

        // Every page watches for its card before any start is sent, so no arrival is missed.
        var timeout = args.Seconds("card-timeout", 60);
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var cards = pages.Select(p => CardAppearedAsync(p.Page, p.Session.SessionId, timeout)).ToList();
        var refusals = 0;
        await Parallel.ForEachAsync(sessions, async (session, _) =>
        {
            sentAt[session.SessionId] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (await portal.TryStartAsync(session.SessionId) != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref refusals);
            }
        });
        var arrivals = await Task.WhenAll(cards);
        var latencies = arrivals.Where(a => a.AppearedAt is not null)
            .Select(a => (double)(a.AppearedAt!.Value - sentAt[a.SessionId])).ToList();

        var result = new
        {
            scenario = "circuits",
            classes = sessions.Count,
            measuredPages = pages.Count,
            openSeconds = Math.Round(openSeconds, 1),
            serverMemory = new
            {
                before,
                justOpened,
                perCircuitJustOpened = MemoryDelta.PerItem(before, justOpened, pages.Count),
                idleSeconds = idle.TotalSeconds,
                after,
                perCircuit = MemoryDelta.PerItem(before, after, pages.Count),
                heapGrowthPerCircuit = heapGrowth,
            },
            startToJoinCardInPage = Percentiles.Of(latencies),
            cardsMissing = arrivals.Count(a => a.AppearedAt is null),
            refusedStarts = refusals,
        };
        JsonReport.Write(result.scenario, result, args);
        if (heapGrowth is not null)
        {
            HeapHistogram.Print(heapGrowth.Take(25));
        }
        Console.WriteLine($"start → join card in the page: {result.startToJoinCardInPage}; missing: {result.cardsMissing}; refused starts: {refusals}");
    }

    /// <summary>
    /// The Unix time (ms, the page's clock, which is this machine's) at which the page's DOM got its join card, or null
    /// if it did not within the timeout. A MutationObserver inside the page sees the card the moment Blazor applies the
    /// render batch, rather than when Playwright's polling from outside gets round to 104 pages sharing two cores.
    /// </summary>
    private static async Task<(Guid SessionId, long? AppearedAt)> CardAppearedAsync(IPage page, Guid sessionId, TimeSpan timeout)
    {
        const string WhenCardAppears = """
            selector => new Promise(resolve => {
              const found = () => document.querySelector(selector) && resolve(Date.now());
              found();
              new MutationObserver(found).observe(document.body, { childList: true, subtree: true });
            })
            """;
        try
        {
            var appearedAt = await page.EvaluateAsync<double>(WhenCardAppears, $"[data-testid=\"{TestIds.JoinCard(sessionId)}\"]").WaitAsync(timeout);
            return (sessionId, (long)appearedAt);
        }
        catch (TimeoutException)
        {
            return (sessionId, null);
        }
    }
}
