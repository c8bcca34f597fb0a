using System.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>
/// Open-loop pacing: item i is due at i / rate seconds, whatever became of the earlier ones, so a slow server shows up as
/// latency and a lower achieved rate rather than as a slower schedule. At most <c>maxInFlight</c> run at once, so an
/// overwhelmed server is not buried under an unbounded pile of requests.
/// </summary>
internal static class StartPacer
{
    public static async Task<int> RunAsync<T>(
        IReadOnlyList<T> items, double perSecond, TimeSpan duration, int maxInFlight, Func<T, Task> start, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(maxInFlight);
        var running = new List<Task>(items.Count);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < items.Count && clock.Elapsed < duration)
        {
            var due = Math.Min(items.Count, (int)(clock.Elapsed.TotalSeconds * perSecond) + 1);
            // A server slower than the rate holds the slots; past the duration nothing more is sent, so a run stays bounded.
            for (; sent < due && clock.Elapsed < duration; sent++)
            {
                await slots.WaitAsync(ct);
                running.Add(ReleaseAfterAsync(start(items[sent]), slots));
            }
            var next = TimeSpan.FromSeconds(sent / perSecond) - clock.Elapsed;
            if (next > TimeSpan.Zero && sent < items.Count)
            {
                await Task.Delay(next, ct);
            }
        }
        await Task.WhenAll(running);
        return sent;
    }

    private static async Task ReleaseAfterAsync(Task task, SemaphoreSlim slots)
    {
        try
        {
            await task;
        }
        finally
        {
            slots.Release();
        }
    }
}
