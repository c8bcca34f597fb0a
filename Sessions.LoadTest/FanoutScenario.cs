using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>
/// The top of the hour: students of many classes sit on an open hub connection each, then their educators press Start.
/// Measures, per start, the time from sending the start request to each enrolled student's <c>SessionStarted</c>.
/// With many classes and a high rate it is also the sustained-start run (starts/s, refusals, duplicate broadcasts).
/// </summary>
internal static class FanoutScenario
{
    public static async Task RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var rate = args.Number("rate", 100);
        var duration = args.Seconds("duration", 60);
        using var run = new CancellationTokenSource(args.Seconds("timeout", 900));
        var classes = args.Number("classes", 500);
        var warmUp = args.Number("warmup", 50);
        var seeded = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), classes + warmUp);
        var sessions = seeded[..classes];
        var plan = sessions.Take(args.Number("starts", sessions.Count)).ToList();
        var emails = sessions.SelectMany(s => s.StudentEmails).ToList();

        using var portal = new PortalClient(url);
        // The load admin may start every seeded session, so one token drives all the educators' starts.
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        var clock = Stopwatch.StartNew();
        var tokens = await StudentTokens.ForStudentsAsync(portal, emails, args, run.Token);
        var signInSeconds = clock.Elapsed.TotalSeconds;

        using var servers = ServerFigures.From(args, url);
        var beforeConnect = await servers.ReadAsync(collect: true);
        clock.Restart();
        await using var connections = await IStudentListeners.OpenAsync(args, url, [.. emails.Select(e => tokens[e])], run.Token);
        var connectSeconds = clock.Elapsed.TotalSeconds;
        var connected = await servers.ReadAsync(collect: true);
        Console.WriteLine($"{connections.Connected.Count} of {emails.Count} students connected in {connectSeconds:0.0} s");

        var cpu = new CpuMeter(servers, connections, CpuMeter.Watched(args));
        var idle = await IdleCpuAsync(cpu, args.Seconds("idle-seconds", 0), connections.Connected.Count, run.Token);

        await WarmUpAsync(portal, seeded[classes..]);
        var studentOf = emails.Select((email, index) => (email, index)).ToDictionary(s => s.email, s => s.index);
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var startMs = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var expectedStudents = new ConcurrentDictionary<Guid, int[]>();
        var cpuBeforeStarts = await cpu.ReadAsync();
        var beforeStarts = await servers.ReadAsync(collect: false);
        var toolCpu = Process.GetCurrentProcess().TotalProcessorTime + connections.OtherProcessesProcessorTime;
        clock.Restart();
        var sent = await StartPacer.RunAsync(plan, rate, duration, args.Number("max-in-flight", 64), async session =>
        {
            var sending = Stopwatch.GetTimestamp();
            sentAt[session.SessionId] = sending;
            var status = await HttpOutcome.OfAsync(() => portal.TryStartAsync(session.SessionId));
            startMs.Add(Stopwatch.GetElapsedTime(sending).TotalMilliseconds);
            if (status == nameof(HttpStatusCode.OK))
            {
                expectedStudents[session.SessionId] =
                    [.. session.StudentEmails.Select(e => studentOf[e]).Where(connections.Connected.Contains)];
            }
            else
            {
                refusals.AddOrUpdate(status, 1, (_, count) => count + 1);
            }
        }, run.Token);
        var startSeconds = clock.Elapsed.TotalSeconds;

        await WaitForReceiptsAsync(connections, expectedStudents.Values.Sum(s => s.Length), args.Seconds("receipt-timeout", 10), run.Token);
        var tally = ReceiptTally.Of(sentAt, expectedStudents, connections.Receipts);
        var afterStarts = await servers.ReadAsync(collect: false);
        var cpuAfterStarts = await cpu.ReadAsync();
        toolCpu = Process.GetCurrentProcess().TotalProcessorTime + connections.OtherProcessesProcessorTime - toolCpu;
        var errors = refusals.Values.Sum() + tally.Missing + tally.Duplicates + tally.Unexpected + connections.Failures + connections.Closed;
        var result = new
        {
            scenario = "fanout",
            classes = sessions.Count,
            warmUpStarts = warmUp,
            students = emails.Count,
            connected = connections.Connected.Count,
            targetStartsPerSecond = rate,
            startsSent = sent,
            startsSucceeded = expectedStudents.Count,
            startsPerSecond = Math.Round(expectedStudents.Count / startSeconds, 1),
            startHttp = Percentiles.Of(startMs),
            receipts = tally,
            errors,
            refusals,
            connectFailures = connections.Failures,
            firstConnectFailure = connections.FirstFailure,
            connectionsClosedDuringRun = connections.Closed,
            seconds = new { signIn = Round(signInSeconds), connect = Round(connectSeconds), starts = Round(startSeconds) },
            // Every instance together (one instance: that instance), then each one.
            serverMemory = new
            {
                idle = ServerFigures.Total(beforeConnect),
                connected = ServerFigures.Total(connected),
                afterStarts = ServerFigures.Total(afterStarts),
                perConnection = MemoryDelta.PerItem(ServerFigures.Total(beforeConnect), ServerFigures.Total(connected), connections.Connected.Count),
            },
            servers = servers.Urls.Select((server, i) => new
            {
                url = server,
                idle = beforeConnect[i],
                connected = connected[i],
                afterStarts = afterStarts[i],
                cpuMsPerStart = CpuMsPerStart(beforeStarts[i], afterStarts[i], expectedStudents.Count),
            }),
            listenerProcesses = args.Number("listeners", 1),
            // From just before the first start until the receipts are in: what the starts and their fan-out cost each side
            // (the load tool's figure includes its listener processes).
            cpuMsPerStart = new
            {
                server = CpuMsPerStart(ServerFigures.Total(beforeStarts), ServerFigures.Total(afterStarts), expectedStudents.Count),
                loadTool = Math.Round(toolCpu.TotalMilliseconds / Math.Max(1, expectedStudents.Count), 2),
            },
            cpuMsPerStartByProcess = CpuMeter.Between(cpuBeforeStarts, cpuAfterStarts, expectedStudents.Count, 1000),
            // The connections sitting idle before the warm-up (--idle-seconds): keep-alive pings and heartbeats, per process.
            idleCpu = idle,
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.startsSucceeded} of {sent} starts succeeded at {result.startsPerSecond} starts/s (target {rate}/s)"));
        Console.WriteLine($"start (HTTP):                 {result.startHttp}");
        Console.WriteLine($"start → SessionStarted heard: {tally.StartToReceived}");
        Console.WriteLine($"receipts {tally.Received}/{tally.Expected}, missing {tally.Missing}, duplicates {tally.Duplicates}, " +
            $"unexpected {tally.Unexpected}; errors {errors}");
        Console.WriteLine($"CPU per start (ms): server {result.cpuMsPerStart.server}, load tool {result.cpuMsPerStart.loadTool}");
        if (result.serverMemory.perConnection is { } perConnection)
        {
            Console.WriteLine($"server memory per connection: {perConnection}");
        }
    }

    /// <summary>
    /// Starts the extra seeded sessions (whose students are not connected) one at a time before the measured run, so the
    /// figures are a running server's rather than a cold one's: the first starts compile EF Core queries and JIT the start
    /// path, which made the first hundred starts of a fresh portal several times slower. Then tiered compilation gets a
    /// moment to promote the hot methods in the background.
    /// </summary>
    private static async Task WarmUpAsync(PortalClient portal, IEnumerable<SeededSession> sessions)
    {
        foreach (var session in sessions)
        {
            await portal.StartAsync(session.SessionId);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    /// <summary>Cores each process keeps busy per 1,000 idle connections over <paramref name="window"/>; null without a window.</summary>
    private static async Task<object?> IdleCpuAsync(CpuMeter cpu, TimeSpan window, int connections, CancellationToken ct)
    {
        if (window <= TimeSpan.Zero)
        {
            return null;
        }
        var before = await cpu.ReadAsync();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, ct);
        var after = await cpu.ReadAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        return new
        {
            seconds = Round(seconds),
            connections,
            coresPerThousandConnections = CpuMeter.Between(before, after, seconds * connections / 1000.0, 1),
        };
    }

    /// <summary>Until every expected receipt is in (then a little longer, for duplicates) or the receipt timeout passes.</summary>
    internal static async Task WaitForReceiptsAsync(IStudentListeners connections, int expected, TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (connections.Receipts.Count < expected && waited.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
    }

    private static double Round(double seconds) => Math.Round(seconds, 2);

    private static double? CpuMsPerStart(ProcessFigures? before, ProcessFigures? after, int starts) =>
        before is null || after is null ? null : Math.Round((after.ProcessorSeconds - before.ProcessorSeconds) * 1000 / Math.Max(1, starts), 2);
}
