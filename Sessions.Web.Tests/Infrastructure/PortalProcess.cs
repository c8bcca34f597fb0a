using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// The built portal (<c>Sessions.Web/bin/&lt;Configuration&gt;/net10.0/Sessions.Web.dll</c>) as a child process on
/// 127.0.0.1 and a free port, configured through its environment. One copy for every test project that runs the real
/// app out of process: Sessions.E2E and Sessions.LoadTest.Tests compile this file as a link.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    public const string HealthPath = "/health";
    public const string Development = "Development";
    public const string Production = "Production";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private IReadOnlyList<Process> _descendants = [];

    private PortalProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the portal printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the portal over the SQLite file at <paramref name="databasePath"/> (created and migrated if new) and
    /// returns once <paramref name="readinessPath"/> answers 200. The portal answers nothing before its database is
    /// migrated and its hosted services have started, so 200 means it is fully up.
    /// </summary>
    /// <param name="settings">
    /// Configuration keys as the app reads them (<c>Firestore:ProjectId</c>), passed as environment variables; they
    /// override the defaults here.
    /// </param>
    /// <param name="url">Where to listen; a free loopback port when null. Given to start a portal again where it was.</param>
    public static async Task<PortalProcess> StartAsync(string environment, string databasePath,
        IReadOnlyDictionary<string, string?>? settings = null, string readinessPath = HealthPath, Uri? url = null)
    {
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var binFolder = Path.Combine(RepositoryRoot(), "Sessions.Web", "bin", configuration, "net10.0");
        var appDll = Path.Combine(binFolder, "Sessions.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException(
                $"{appDll} does not exist. These tests run the built app: build the solution first (dotnet build Sessions.sln -c {configuration}).");
        }

        url ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        // The plain key outranks anything appsettings.json may say; the ASPNETCORE_-prefixed one would not.
        start.Environment["Urls"] = url.ToString();
        var defaults = new Dictionary<string, string?> { ["ConnectionStrings:Sessions"] = $"Data Source={databasePath}" };
        if (environment != Development)
        {
            // Outside Development the portal refuses to start without Agora credentials; these are the demo values.
            defaults["Agora:AppId"] = "0123456789abcdef0123456789abcdef";
            defaults["Agora:AppCertificate"] = "fedcba9876543210fedcba9876543210";
        }
        foreach (var (key, value) in defaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var portal = new PortalProcess(new Process { StartInfo = start }, url);
        portal._process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.Start();
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilReadyAsync(readinessPath);
            portal._descendants = ProcessTree.Descendants(portal._process.Id);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    /// <summary>
    /// SIGKILL (what <see cref="Process.Kill()"/> sends on Linux) to the portal at once, then to the processes it had
    /// started by the time it was ready (it starts none later): no chance to finish a request, a transaction or a log
    /// line. <see cref="Process.Kill(bool)"/> would first walk every process on the machine, and the portal went on
    /// answering for 40–140 ms meanwhile, so the kill would not land where the caller meant it to. Returns as soon as
    /// the signals are sent; disposing waits until the process is gone.
    /// </summary>
    public void Kill()
    {
        _process.Kill();
        foreach (var descendant in _descendants.Where(d => !d.HasExited))
        {
            descendant.Kill();
        }
    }

    /// <summary>
    /// SIGTERM, what a service manager or a container runtime sends to stop the portal, then waits until it has exited
    /// (at most <paramref name="patience"/>). Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan patience)
    {
        const int sigterm = 15;
        var stopwatch = Stopwatch.StartNew();
        if (SendSignal(_process.Id, sigterm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent to the portal (errno {Marshal.GetLastPInvokeError()}).");
        }
        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Sessions.Web was still running {patience.TotalSeconds} s after SIGTERM:\n{Log}");
        }
        return stopwatch.Elapsed;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);

    public async ValueTask DisposeAsync()
    {
        // Not in a hurry here, so the whole tree as it is now; then whatever an earlier Kill() left orphaned.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var descendant in _descendants)
        {
            descendant.Dispose();
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sessions.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Sessions.sln above {AppContext.BaseDirectory}.");
    }

    private async Task WaitUntilReadyAsync(string readinessPath)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(StartupTimeout);
        using var poll = new PeriodicTimer(ReadinessPollInterval);
        try
        {
            do
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Sessions.Web exited with code {_process.ExitCode} before it was ready:\n{Log}");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri(readinessPath, UriKind.Relative), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // This one request timed out; the next tick tries again.
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"Sessions.Web did not answer GET {readinessPath} with 200 within {StartupTimeout.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
