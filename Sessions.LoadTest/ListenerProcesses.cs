using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Sessions.LoadTest;

/// <summary>
/// A fan-out run's students spread over several <c>listen</c> processes (this same program), because one process may hold
/// at most 20,000 open files on this machine (<c>ulimit -Hn</c>, which not even root can raise). Listener <c>i</c> gets the
/// <c>i</c>-th contiguous slice of the students and connects to <c>urls[i % urls.Count]</c> (one proxy each, say). Their
/// receipts come back over standard output (<see cref="ListenerProtocol"/>), stamped with the same monotonic clock as the
/// starts sent here, so the coordinator tallies them exactly as it tallies an in-process run's.
/// </summary>
internal sealed class ListenerProcesses : IStudentListeners
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(120);

    private readonly List<Listener> _listeners = [];
    private readonly ConcurrentQueue<Receipt> _receipts = new();
    private readonly HashSet<int> _connected = [];
    private readonly string _tokenFolder = Directory.CreateTempSubdirectory("sessions-listeners-").FullName;

    public IReadOnlyCollection<Receipt> Receipts => _receipts;

    public IReadOnlySet<int> Connected => _connected;

    public int Failures => _listeners.Sum(l => l.Failures);

    public int Closed => _listeners.Sum(l => l.Closed);

    public string? FirstFailure => _listeners.Select(l => l.FirstFailure).FirstOrDefault(f => f is not null);

    public TimeSpan OtherProcessesProcessorTime =>
        _listeners.Aggregate(TimeSpan.Zero, (total, l) => total + l.ProcessorTime);

    /// <summary>Starts <paramref name="count"/> listeners and returns once every one has opened (or failed to open) its connections.</summary>
    public static async Task<ListenerProcesses> OpenAsync(
        IReadOnlyList<Uri> urls, IReadOnlyList<string> tokens, int count, int connectConcurrency, CancellationToken ct)
    {
        var processes = new ListenerProcesses();
        try
        {
            var shardSize = (tokens.Count + count - 1) / count;
            for (var shard = 0; shard < count; shard++)
            {
                var first = shard * shardSize;
                var tokenFile = Path.Combine(processes._tokenFolder, $"shard-{shard}.tokens");
                await File.WriteAllLinesAsync(tokenFile, tokens.Skip(first).Take(shardSize), ct);
                processes._listeners.Add(Listener.Start(processes, urls[shard % urls.Count], tokenFile, first, connectConcurrency));
            }
            await Task.WhenAll(processes._listeners.Select(l => l.Ready.WaitAsync(ct)));
            return processes;
        }
        catch
        {
            await processes.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_listeners.Select(l => l.StopAsync()));
        Directory.Delete(_tokenFolder, recursive: true);
    }

    /// <summary>One listener process and what its lines said.</summary>
    private sealed class Listener : ListenerProtocol.ILineHandler
    {
        private readonly ListenerProcesses _owner;
        private readonly Process _process;
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TimeSpan _lastProcessorTime;

        private Listener(ListenerProcesses owner, Process process)
        {
            _owner = owner;
            _process = process;
        }

        public Task Ready => _ready.Task;
        public int Failures { get; private set; }
        public int Closed { get; private set; }
        public string? FirstFailure { get; private set; }

        /// <summary>Its CPU time so far; after it exits, what it had used when last read.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                try
                {
                    _process.Refresh();
                    _lastProcessorTime = _process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    // It has exited: keep the last reading.
                }
                return _lastProcessorTime;
            }
        }

        public static Listener Start(ListenerProcesses owner, Uri url, string tokenFile, int firstStudent, int connectConcurrency)
        {
            // This very program again: its dll, run by the dotnet host (also when the caller is a test host).
            var start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(ListenerProcesses).Assembly.Location);
            foreach (var argument in new[]
            {
                ListenCommand.Verb, "--url", url.ToString(), "--tokens", tokenFile,
                "--first-student", firstStudent.ToString(CultureInfo.InvariantCulture),
                "--connect-concurrency", connectConcurrency.ToString(CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }
            var listener = new Listener(owner, Process.Start(start) ?? throw new InvalidOperationException("The listener process did not start."));
            listener._process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } data)
                {
                    ListenerProtocol.Dispatch(data, listener);
                }
            };
            listener._process.EnableRaisingEvents = true;
            listener._process.Exited += (_, _) =>
                listener._ready.TrySetException(new InvalidOperationException($"Listener for students from {firstStudent} exited early."));
            listener._process.BeginOutputReadLine();
            return listener;
        }

        public async Task StopAsync()
        {
            if (!_process.HasExited)
            {
                _ = ProcessorTime;
                await _process.StandardInput.WriteLineAsync(ListenerProtocol.Stop);
                _process.StandardInput.Close();
                using var patience = new CancellationTokenSource(StopPatience);
                try
                {
                    await _process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            _process.Dispose();
        }

        public void OnConnected(int student)
        {
            lock (_owner._connected)
            {
                _owner._connected.Add(student);
            }
        }

        public void OnFailed(int failures, string? firstFailure) => (Failures, FirstFailure) = (failures, firstFailure);

        public void OnReady(long stopwatchFrequency)
        {
            if (stopwatchFrequency != Stopwatch.Frequency || !Stopwatch.IsHighResolution)
            {
                _ready.TrySetException(new InvalidOperationException(
                    $"A listener's clock ticks {stopwatchFrequency}/s, this one {Stopwatch.Frequency}/s: their receipt times cannot be compared."));
                return;
            }
            _ready.TrySetResult();
        }

        public void OnReceipt(Receipt receipt) => _owner._receipts.Enqueue(receipt);

        public void OnClosed(int closed) => Closed = closed;
    }
}
