using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The built app (<c>Sessions.Web/bin/&lt;Configuration&gt;/net10.0/Sessions.Web.dll</c>) as a child process on
/// 127.0.0.1 and a free port, in Development so that migrations run and the demo data is seeded into a fresh SQLite file.
/// </summary>
public class LiveServerFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sessions-e2e-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public LiveServerFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Configuration for this app, as environment variables (<c>Auth__RevalidateWithinSeconds</c>).</param>
    protected LiveServerFixture(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    /// <summary>The app's SQLite file, for tests that change what the app cannot (yet) change itself.</summary>
    public string DatabasePath => Path.Combine(_dataFolder, "sessions.db");

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>What the app wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var configuration = typeof(LiveServerFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var binFolder = Path.Combine(FindRepositoryRoot(), "Sessions.Web", "bin", configuration, "net10.0");
        var appDll = Path.Combine(binFolder, "Sessions.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new InvalidOperationException(
                $"{appDll} does not exist. The E2E tests run the built app: build the solution first (dotnet build Sessions.sln -c {configuration}).");
        }

        Directory.CreateDirectory(_dataFolder);
        var url = $"http://127.0.0.1:{FreePort()}";
        BaseUrl = new Uri(url);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Sessions"] = $"Data Source={DatabasePath}";
        start.Environment["ASPNETCORE_URLS"] = url;
        // appsettings.json sets Urls, which outranks the ASPNETCORE_-prefixed variable; the plain key outranks appsettings.json.
        start.Environment["Urls"] = url;
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync(_process);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Dispose();
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _process.Dispose();
            _process = null;
        }
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>Polls <c>GET /login</c> until it answers 200, the process exits, or the start-up time runs out.</summary>
    private async Task WaitUntilReadyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(StartupTimeout);
        using var poll = new PeriodicTimer(ReadinessPollInterval);
        try
        {
            do
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Sessions.Web exited with code {process.ExitCode} before it was ready:\n{Output}");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri("/login", UriKind.Relative), deadline.Token);
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
        throw new TimeoutException($"Sessions.Web did not answer GET /login with 200 within {StartupTimeout.TotalSeconds}s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    internal static string FindRepositoryRoot()
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
