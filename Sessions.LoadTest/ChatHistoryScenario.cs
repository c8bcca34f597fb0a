using System.Collections.Concurrent;
using System.Diagnostics;

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
        var newest = await ReadAllAsync(portal, [.. Enumerable.Range(0, reads).Select(_ => Read(false))], limit, concurrency, run.Token);
        var scrolled = await ReadAllAsync(portal, [.. Enumerable.Range(0, reads).Select(_ => Read(true))], limit, concurrency, run.Token);
        var after = await servers.ReadAsync(collect: false);
        var serverCpuMsPerRead = ServerFigures.Total(before) is { } b && ServerFigures.Total(after) is { } a
            ? Math.Round((a.ProcessorSeconds - b.ProcessorSeconds) * 1000 / (2 * reads), 2)
            : (double?)null;
        var result = new
        {
            scenario = "chat-history",
            storedMessages = maxId,
            sessionsWithMessages = sessions.Count,
            limit,
            concurrency,
            warmUpReads = warmUp.Latency.Count,
            newestPage = newest,
            pageBeforeRandomMessage = scrolled,
            errors = newest.Errors + scrolled.Errors + warmUp.Errors,
            serverCpuMsPerRead,
            serverMemory = ServerFigures.Total(after),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine($"newest page:                 {newest.Latency}, {newest.MessagesPerPage} messages per page, errors {newest.Errors}");
        Console.WriteLine($"page before a random message: {scrolled.Latency}, {scrolled.MessagesPerPage} messages per page, errors {scrolled.Errors}");
    }

    private static async Task<HistoryFigures> ReadAllAsync(PortalClient portal, IReadOnlyList<HistoryRead> plan, int limit, int concurrency, CancellationToken ct)
    {
        var latency = new ConcurrentBag<double>();
        var messages = new ConcurrentBag<int>();
        var errors = 0;
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (read, token) =>
        {
            var clock = Stopwatch.GetTimestamp();
            var items = await portal.ReadChatPageAsync(read.SessionId, read.Before, limit, token);
            latency.Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            if (items is { } count)
            {
                messages.Add(count);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        });
        return new HistoryFigures(Percentiles.Of(latency), messages.IsEmpty ? 0 : Math.Round(messages.Average(), 1), errors);
    }

    private sealed record HistoryRead(Guid SessionId, long? Before);

    /// <param name="MessagesPerPage">On average: a page before an early message holds fewer than the limit.</param>
    private sealed record HistoryFigures(Percentiles Latency, double MessagesPerPage, int Errors);
}
