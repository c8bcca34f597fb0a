using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Chat;

namespace Sessions.LoadTest;

/// <summary>
/// Reading chat history from a large store (<c>chat-seed</c> first): <c>--reads</c> newest pages of random sessions, then as
/// many pages before a random message id (a reader scrolling back), each timed over HTTP from request to the whole body read.
/// The load admin reads, so every session is readable with one sign-in; the membership check is the same query for everyone.
/// </summary>
internal static class ChatHistoryScenario
{
    public static async Task RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var database = LoadDatabase.From(args);
        var reads = args.Number("reads", 2_000);
        var limit = args.Number("limit", 50);
        var concurrency = args.Number("concurrency", 1);
        using var run = new CancellationTokenSource(args.Seconds("timeout", 600));
        var (sessions, maxId) = await ChatHistorySeed.StoredAsync(database);
        if (sessions.Count == 0)
        {
            throw new InvalidOperationException($"{database.Name} has no chat messages; run chat-seed first.");
        }
        // The same pages on every run, so that two runs read alike.
        var random = new Random(17);
        HistoryRead Read(bool scrolledBack) =>
            new(sessions[random.Next(sessions.Count)], scrolledBack ? random.NextInt64(1, maxId + 1) : null);

        using var portal = new PortalClient(url);
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        using var servers = ServerFigures.From(args, url);
        var warmUp = await ReadAllAsync(portal, [.. Enumerable.Range(0, args.Number("warmup", 200)).Select(i => Read(i % 2 == 1))], limit, concurrency, run.Token);
        var before = await servers.ReadAsync(collect: false);
        // The two kinds interleaved, so that both meet the same cache and the same neighbours on the machine.
        var measured = await ReadAllAsync(portal, [.. Enumerable.Range(0, 2 * reads).Select(i => Read(i % 2 == 1))], limit, concurrency, run.Token);
        var after = await servers.ReadAsync(collect: false);
        var newest = HistoryFigures.Of(measured.Where(r => r.Read.Before is null));
        var scrolled = HistoryFigures.Of(measured.Where(r => r.Read.Before is not null));
        var serverCpuMsPerRead = ServerFigures.Total(before) is { } b && ServerFigures.Total(after) is { } a
            ? Math.Round((a.ProcessorSeconds - b.ProcessorSeconds) * 1000 / measured.Count, 2)
            : (double?)null;
        var inProcess = args.Number("in-process", 1) == 1 && database.IsSqlite
            ? await ServiceCallsAsync(database, [.. measured.Select(r => r.Read)], limit, run.Token)
            : ((Percentiles Newest, Percentiles Scrolled)?)null;
        var result = new
        {
            scenario = "chat-history",
            storedMessages = maxId,
            sessionsWithMessages = sessions.Count,
            limit,
            concurrency,
            warmUpReads = warmUp.Count,
            newestPage = newest,
            pageBeforeRandomMessage = scrolled,
            errors = newest.Errors + scrolled.Errors + warmUp.Count(r => r.Messages is null),
            serverCpuMsPerRead,
            // The same reads straight through ChatService, in this process over the same file: no HTTP, JSON or authentication.
            serviceCallNewestPage = inProcess?.Newest,
            serviceCallPageBeforeRandomMessage = inProcess?.Scrolled,
            serverMemory = ServerFigures.Total(after),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine($"newest page:                 {newest.Latency}, {newest.MessagesPerPage} messages per page, errors {newest.Errors}");
        Console.WriteLine($"page before a random message: {scrolled.Latency}, {scrolled.MessagesPerPage} messages per page, errors {scrolled.Errors}");
        if (inProcess is { } calls)
        {
            Console.WriteLine($"ChatService.ListAsync alone: newest {calls.Newest}; before a random message {calls.Scrolled}");
        }
    }

    private static async Task<(Percentiles Newest, Percentiles Scrolled)> ServiceCallsAsync(
        LoadDatabase database, IReadOnlyList<HistoryRead> plan, int limit, CancellationToken ct)
    {
        string adminId;
        await using (var db = database.Open())
        {
            adminId = await db.Users.Where(u => u.Email == LargeSeed.AdminEmail).Select(u => u.Id).SingleAsync(ct);
        }
        var admin = new SessionActor(adminId, IsAdmin: true, IsEducator: false);
        await using var portal = InProcessPortal.Over(database.Name);
        portal.Build();
        using var scope = portal.App.Services.CreateScope();
        var chat = scope.ServiceProvider.GetRequiredService<ChatService>();
        var newest = new List<double>();
        var scrolled = new List<double>();
        // The plan's first reads again as a warm-up of this process (query compilation, JIT), then the measured ones.
        foreach (var (read, index) in plan.Take(200).Concat(plan).Select((read, index) => (read, index)))
        {
            var clock = Stopwatch.GetTimestamp();
            var page = await chat.ListAsync(admin, read.SessionId, read.Before, limit, ct);
            var milliseconds = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            if (page.Error is { } error)
            {
                throw new InvalidOperationException($"ChatService refused a history read: {error}");
            }
            if (index >= Math.Min(200, plan.Count))
            {
                (read.Before is null ? newest : scrolled).Add(milliseconds);
            }
        }
        return (Percentiles.Of(newest), Percentiles.Of(scrolled));
    }

    private static async Task<List<TimedRead>> ReadAllAsync(
        PortalClient portal, IReadOnlyList<HistoryRead> plan, int limit, int concurrency, CancellationToken ct)
    {
        var done = new ConcurrentBag<TimedRead>();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (read, token) =>
        {
            var clock = Stopwatch.GetTimestamp();
            var messages = await portal.ReadChatPageAsync(read.SessionId, read.Before, limit, token);
            done.Add(new TimedRead(read, Stopwatch.GetElapsedTime(clock).TotalMilliseconds, messages));
        });
        return [.. done];
    }

    private sealed record HistoryRead(Guid SessionId, long? Before);

    /// <param name="Messages">The page's messages; null when the read was refused.</param>
    private sealed record TimedRead(HistoryRead Read, double Milliseconds, int? Messages);

    /// <param name="MessagesPerPage">On average: a page before an early message holds fewer than the limit.</param>
    private sealed record HistoryFigures(Percentiles Latency, double MessagesPerPage, int Errors)
    {
        public static HistoryFigures Of(IEnumerable<TimedRead> reads)
        {
            var all = reads.ToList();
            var pages = all.Where(r => r.Messages is not null).Select(r => r.Messages!.Value).ToList();
            return new HistoryFigures(Percentiles.Of([.. all.Select(r => r.Milliseconds)]), pages.Count == 0 ? 0 : Math.Round(pages.Average(), 1), all.Count - pages.Count);
        }
    }
}
