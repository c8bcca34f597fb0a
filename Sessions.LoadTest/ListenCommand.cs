using System.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>
/// The hidden <c>listen</c> command: one shard of a <c>fanout</c> run's students in a process of its own (see
/// <see cref="ListenerProcesses"/>). It opens a hub connection per token in <c>--tokens</c> (one per line, the first being
/// student <c>--first-student</c>), then passes on what it hears as <see cref="ListenerProtocol"/> lines until told to stop.
/// </summary>
internal static class ListenCommand
{
    public const string Verb = "listen";
    private static readonly TimeSpan PassOnEvery = TimeSpan.FromMilliseconds(10);

    public static async Task RunAsync(Arguments args)
    {
        // Receipts are compared with the coordinator's start timestamps: both must read the same monotonic clock in nanoseconds.
        if (!Stopwatch.IsHighResolution)
        {
            throw new InvalidOperationException("Stopwatch is not high-resolution here: receipt times could not be compared across processes.");
        }
        var tokens = await File.ReadAllLinesAsync(args.Text("tokens"));
        var firstStudent = args.Number("first-student", 0);
        await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        await using var connections = await StudentConnections.OpenAsync(
            new Uri(args.Text("url")), tokens, args.Number("connect-concurrency", 32), CancellationToken.None, firstStudent);
        foreach (var student in connections.Connected)
        {
            await output.WriteLineAsync(ListenerProtocol.Connected(student));
        }
        await output.WriteLineAsync(ListenerProtocol.Failed(connections.Failures, connections.FirstFailure));
        await output.WriteLineAsync(ListenerProtocol.Ready());
        await output.FlushAsync();

        var stopped = Task.Run(WaitForStopAsync);
        var closedReported = 0;
        while (!stopped.IsCompleted)
        {
            await Task.WhenAny(stopped, Task.Delay(PassOnEvery));
            foreach (var receipt in connections.TakeReceipts())
            {
                await output.WriteLineAsync(ListenerProtocol.Heard(receipt));
            }
            // Read before disposal starts: connections closed by the stop itself are not drops.
            if (connections.Closed != closedReported)
            {
                closedReported = connections.Closed;
                await output.WriteLineAsync(ListenerProtocol.ClosedSoFar(closedReported));
            }
            await output.FlushAsync();
        }
    }

    /// <summary>Until the coordinator writes <see cref="ListenerProtocol.Stop"/> or goes away (its end of the pipe closes).</summary>
    private static async Task WaitForStopAsync()
    {
        using var input = new StreamReader(Console.OpenStandardInput());
        string? line;
        do
        {
            line = await input.ReadLineAsync();
        }
        while (line is not null && line != ListenerProtocol.Stop);
    }
}
