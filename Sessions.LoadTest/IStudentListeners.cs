namespace Sessions.LoadTest;

/// <summary>
/// The students' open hub connections and what they heard, wherever they are held: in this process
/// (<see cref="StudentConnections"/>) or spread over listener processes (<see cref="ListenerProcesses"/>), because one
/// process may hold at most 20,000 open files here and a 20,000-student run needs more sockets than that.
/// </summary>
internal interface IStudentListeners : IAsyncDisposable
{
    /// <summary>Every <c>SessionStarted</c> and <c>ChatMessagePosted</c> heard so far, timestamps from <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>.</summary>
    IReadOnlyCollection<Receipt> Receipts { get; }

    /// <summary>The students whose connection was open when the starts began.</summary>
    IReadOnlySet<int> Connected { get; }

    int Failures { get; }

    /// <summary>Connections that closed before disposal (the server dropped them, or the network did).</summary>
    int Closed { get; }

    string? FirstFailure { get; }

    /// <summary>CPU time spent by listener processes other than this one (zero when the connections are held here).</summary>
    TimeSpan OtherProcessesProcessorTime { get; }

    /// <summary>
    /// <c>--listeners N</c> (default 1) processes, listener <c>i</c> connecting to the <c>i</c>-th of <c>--listen-urls</c>
    /// (comma-separated, used in turn; default <paramref name="url"/>). One listener means the connections are held here,
    /// as every run before issue #14 held them, so those figures stay comparable.
    /// </summary>
    static async Task<IStudentListeners> OpenAsync(Arguments args, Uri url, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var urls = args.Text("listen-urls", url.ToString()).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList();
        var listeners = args.Number("listeners", 1);
        var concurrency = args.Number("connect-concurrency", 32);
        return listeners == 1
            ? await StudentConnections.OpenAsync(urls[0], tokens, concurrency, ct)
            : await ListenerProcesses.OpenAsync(urls, tokens, listeners, concurrency, ct);
    }
}
