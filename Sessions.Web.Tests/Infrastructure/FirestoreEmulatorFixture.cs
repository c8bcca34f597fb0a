using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Notifications;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// Google's own Firestore emulator (<c>gcloud emulators firestore start</c>, a Java process under gcloud) on a free
/// 127.0.0.1 port, shared by one test collection. It keeps its state in memory, so tests isolate themselves with
/// their own educator ids or project id. <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> take it down and
/// bring it back on the same port for outage tests; disposing kills its whole process tree.
/// </summary>
public sealed class FirestoreEmulatorFixture : IAsyncLifetime
{
    public const string DebianPackage = "google-cloud-cli-firestore-emulator";
    private const string ReadyLine = "Dev App Server is now running";
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(30);

    private string _gcloud = "";
    private EmulatorProcess? _running;
    private readonly List<TimeSpan> _startTimes = [];

    public int Port { get; private set; }

    /// <summary>For <c>Firestore:EmulatorHost</c> or <c>FIRESTORE_EMULATOR_HOST</c>.</summary>
    public string HostAndPort => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>How long each start took until the emulator said it was ready.</summary>
    public IReadOnlyList<TimeSpan> StartTimes => _startTimes;

    public bool IsRunning => _running is not null;

    /// <summary>A project id of its own (emulator convention <c>demo-…</c>), for a test that wants a clean slate.</summary>
    public static string NewProjectId() => $"demo-test-{Guid.NewGuid():N}";

    /// <summary>Configuration that points <see cref="FirestoreFeature.AddFirestoreClient"/> at this emulator.</summary>
    public Dictionary<string, string?> Settings(string projectId) => new()
    {
        [$"{FirestoreOptions.Section}:{nameof(FirestoreOptions.EmulatorHost)}"] = HostAndPort,
        [$"{FirestoreOptions.Section}:{nameof(FirestoreOptions.ProjectId)}"] = projectId,
    };

    /// <summary>The app's notifier on against this emulator, with retries short enough for a test to watch.</summary>
    public Dictionary<string, string?> NotifierSettings(string projectId) => new(Settings(projectId))
    {
        [$"{FirestoreOptions.Section}:{nameof(FirestoreOptions.Enabled)}"] = "true",
        [$"{OutboxOptions.Section}:{nameof(OutboxOptions.RetryBaseDelay)}"] = "00:00:00.100",
        [$"{OutboxOptions.Section}:{nameof(OutboxOptions.RetryMaxDelay)}"] = "00:00:00.500",
        [$"{OutboxOptions.Section}:{nameof(OutboxOptions.PollInterval)}"] = "00:00:01",
    };

    /// <summary>
    /// A host with only the Firestore client registered, as the app registers it, pointed at this emulator. The client
    /// (and its channel) is disposed with the host.
    /// </summary>
    public IHost CreateClientHost(string projectId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings(projectId));
        builder.AddFirestoreClient();
        return builder.Build();
    }

    public async Task InitializeAsync()
    {
        _gcloud = FindGcloud();
        Port = FreeLoopbackPort();
        await StartAgainAsync();
    }

    /// <summary>Kills the emulator's process tree and returns once its port is free again.</summary>
    public async Task StopAsync()
    {
        if (_running is not { } running)
        {
            return;
        }
        _running = null;
        await running.KillAsync(_stopTimeout);
        await WaitUntilPortIsFreeAsync();
    }

    /// <summary>Starts the emulator (again) on the same port and returns once it is ready. Its earlier state is gone.</summary>
    public async Task StartAgainAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException($"The Firestore emulator is already running on {HostAndPort}.");
        }
        var started = Stopwatch.StartNew();
        _running = await EmulatorProcess.StartAsync(_gcloud, HostAndPort, _startTimeout);
        _startTimes.Add(started.Elapsed);
    }

    public Task DisposeAsync() => StopAsync();

    private static string FindGcloud()
    {
        var gcloud = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "gcloud"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"gcloud is not on PATH. The Firestore tests run Google's Firestore emulator: install the Debian package {DebianPackage} "
                + "(it brings google-cloud-cli and needs Java 17+).");

        // gcloud is usually a link into the SDK (/usr/bin/gcloud -> /usr/lib/google-cloud-sdk/bin/gcloud).
        var target = File.ResolveLinkTarget(gcloud, returnFinalTarget: true)?.FullName ?? gcloud;
        var sdkRoot = Path.GetDirectoryName(Path.GetDirectoryName(target));
        var emulator = Path.Combine(sdkRoot ?? "", "platform", "cloud-firestore-emulator");
        if (!Directory.Exists(emulator))
        {
            throw new InvalidOperationException(
                $"gcloud is at {gcloud}, but its Firestore emulator component is missing ({emulator}). "
                + $"Install the Debian package {DebianPackage}.");
        }
        return gcloud;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Killed processes release their listening socket as they die, so this normally succeeds at the first try;
    // the bounded poll only covers the kernel finishing the teardown.
    private async Task WaitUntilPortIsFreeAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var probe = new TcpListener(IPAddress.Loopback, Port);
                probe.Start();
                probe.Stop();
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                if (deadline.Elapsed > _stopTimeout)
                {
                    throw new InvalidOperationException(
                        $"Port {Port} is still in use {_stopTimeout.TotalSeconds} s after the Firestore emulator was killed.", exception);
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>One run of gcloud and the processes it started, with everything they printed.</summary>
    private sealed class EmulatorProcess
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task _exited = Task.CompletedTask;
        private IReadOnlyList<Process> _descendants = [];

        private EmulatorProcess(Process process) => _process = process;

        public static async Task<EmulatorProcess> StartAsync(string gcloud, string hostAndPort, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(gcloud)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "emulators", "firestore", "start", $"--host-port={hostAndPort}" })
            {
                info.ArgumentList.Add(argument);
            }
            // Never wait for an answer at a prompt (e.g. to install a missing component), and never phone home.
            info.Environment["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1";
            info.Environment["CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"] = "1";
            info.Environment.Remove(FirestoreOptions.EmulatorHostVariable);

            var emulator = new EmulatorProcess(new Process { StartInfo = info });
            emulator._process.OutputDataReceived += (_, line) => emulator.Receive(line.Data);
            emulator._process.ErrorDataReceived += (_, line) => emulator.Receive(line.Data);
            emulator._process.Start();
            emulator._process.StandardInput.Close();
            emulator._process.BeginOutputReadLine();
            emulator._process.BeginErrorReadLine();
            emulator._exited = emulator.ReportEarlyExitAsync();

            try
            {
                await emulator._ready.Task.WaitAsync(timeout);
            }
            catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
            {
                await emulator.KillAsync(timeout);
                throw new InvalidOperationException(exception is TimeoutException
                    ? $"The Firestore emulator did not say \"{ReadyLine}\" within {timeout.TotalSeconds} s. It printed:\n{emulator.Output()}"
                    : exception.Message, exception);
            }
            // gcloud runs a shell script that runs Java: remember them all, so none survives if gcloud dies first.
            emulator._descendants = ProcessTree.Descendants(emulator._process.Id);
            return emulator;
        }

        public async Task KillAsync(TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            _process.Kill(entireProcessTree: true);
            await _exited.WaitAsync(cancellation.Token);
            foreach (var descendant in _descendants)
            {
                if (!descendant.HasExited)
                {
                    descendant.Kill(entireProcessTree: true);
                    await descendant.WaitForExitAsync(cancellation.Token);
                }
                descendant.Dispose();
            }
            _process.Dispose();
        }

        private void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.Add(line);
            }
            if (line.Contains(ReadyLine, StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        }

        private async Task ReportEarlyExitAsync()
        {
            // Returns once the process has exited and its output has been read to the end.
            await _process.WaitForExitAsync();
            if (_ready.Task.IsCompleted)
            {
                return;
            }
            _ready.TrySetException(new InvalidOperationException(
                $"The Firestore emulator exited with code {_process.ExitCode} before it was ready. It printed:\n{Output()}"));
        }

        private string Output()
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FirestoreEmulatorGroup : ICollectionFixture<FirestoreEmulatorFixture>
{
    public const string Name = "firestore-emulator";
}
