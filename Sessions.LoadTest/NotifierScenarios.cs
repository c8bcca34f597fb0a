using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Sessions.LoadTest;

/// <summary>The Firestore notifier's figures: start → document visible, and how fast a piled-up outbox drains.</summary>
internal static class NotifierScenarios
{
    /// <summary>Starts seeded sessions one by one through the API and times each until its document shows in the emulator.</summary>
    public static async Task LatencyAsync(Arguments args)
    {
        var count = args.Number("starts", 1000);
        var sessions = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), count);
        using var portal = new PortalClient(new Uri(args.Text("url")));
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        using var emulator = new EmulatorReader(args.Text("emulator"), args.Text("project"));
        var deadline = args.Seconds("timeout", 600);
        // Polling the emulator every few ms keeps the observer from competing for the 2 cores with what it measures.
        var pollInterval = TimeSpan.FromMilliseconds(args.Number("poll-ms", 5));
        var visible = new ConcurrentBag<double>();
        var started = new ConcurrentBag<double>();
        var run = Stopwatch.StartNew();

        // By default one at a time, so each figure is the notifier's own latency rather than queueing behind others.
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = args.Number("concurrency", 1) }, async (session, ct) =>
        {
            var clock = Stopwatch.StartNew();
            await portal.StartAsync(session.SessionId);
            started.Add(clock.Elapsed.TotalMilliseconds);
            while (await emulator.ReadAsync(session.EducatorId) is not { Status: "in_progress" } document
                || document.SessionId != session.SessionId.ToString())
            {
                if (run.Elapsed > deadline)
                {
                    throw new TimeoutException($"Session {session.SessionId}'s document did not appear within the run's time limit.");
                }
                await Task.Delay(pollInterval, ct);
            }
            visible.Add(clock.Elapsed.TotalMilliseconds);
        });

        var result = new
        {
            scenario = "notifier-latency",
            starts = count,
            seconds = Math.Round(run.Elapsed.TotalSeconds, 1),
            startHttp = Percentiles.Of(started),
            startToDocumentVisible = Percentiles.Of(visible),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine($"start (HTTP 200):          {result.startHttp}");
        Console.WriteLine($"start → document visible:  {result.startToDocumentVisible}");
    }

    /// <summary>With the emulator down: starts N sessions, then waits until all N rows are pending in the outbox.</summary>
    public static async Task FillAsync(Arguments args)
    {
        var count = args.Number("starts", 10_000);
        var sessions = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), count);
        using var portal = new PortalClient(new Uri(args.Text("url")));
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        var run = Stopwatch.StartNew();
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = args.Number("concurrency", 16) },
            async (session, _) => await portal.StartAsync(session.SessionId));
        var seconds = run.Elapsed.TotalSeconds;
        var (backlog, _) = await portal.NotifierBacklogAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} starts in {seconds:0.0} s ({count / seconds:0} starts/s) with Firestore down; outbox backlog now {backlog}."));
    }

    /// <summary>Waits for the emulator to come up, then times the outbox draining to zero.</summary>
    public static async Task DrainAsync(Arguments args)
    {
        using var portal = new PortalClient(new Uri(args.Text("url")));
        using var emulator = new EmulatorReader(args.Text("emulator"), args.Text("project"));
        var (backlog, _) = await portal.NotifierBacklogAsync();
        var limit = Stopwatch.StartNew();
        var deadline = args.Seconds("timeout", 900);
        while (!await emulator.IsUpAsync())
        {
            Ensure(limit, deadline, "the emulator to come up");
        }
        var drain = Stopwatch.StartNew();
        double firstDelivery = 0;
        int remaining;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            (remaining, _) = await portal.NotifierBacklogAsync();
            if (firstDelivery == 0 && remaining < backlog)
            {
                firstDelivery = drain.Elapsed.TotalSeconds;
            }
            Ensure(limit, deadline, "the outbox to drain");
        }
        while (remaining > 0);

        var seconds = drain.Elapsed.TotalSeconds;
        var result = new
        {
            scenario = "notifier-drain",
            rows = backlog,
            secondsFromEmulatorUpToFirstDelivery = Math.Round(firstDelivery, 2),
            secondsFromEmulatorUpToEmpty = Math.Round(seconds, 2),
            rowsPerSecond = Math.Round(backlog / (seconds - firstDelivery), 0),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{backlog} rows drained {seconds:0.0} s after the emulator came up (first delivery after {firstDelivery:0.0} s): {result.rowsPerSecond} rows/s"));
    }

    private static void Ensure(Stopwatch limit, TimeSpan deadline, string waitingFor)
    {
        if (limit.Elapsed > deadline)
        {
            throw new TimeoutException($"Gave up waiting for {waitingFor} after {deadline}.");
        }
    }
}
