using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Sessions.LoadTest.Tests;

/// <summary>
/// The built portal as a child process on 127.0.0.1, over a database the test seeded, with the settings the
/// measurement scripts use (Production, load-test Agora credentials, the memory endpoints on).
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PortalProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

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

    public static async Task<PortalProcess> StartAsync(string databasePath)
    {
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var appDll = Path.Combine(RepositoryRoot(), "Sessions.Web", "bin", configuration, "net10.0", "Sessions.Web.dll");
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = url.ToString();
        start.Environment["ConnectionStrings__Sessions"] = $"Data Source={databasePath}";
        start.Environment["Agora__AppId"] = "0123456789abcdef0123456789abcdef";
        start.Environment["Agora__AppCertificate"] = "fedcba9876543210fedcba9876543210";
        start.Environment["Diagnostics__ProcessEndpoints"] = "true";
        var portal = new PortalProcess(Process.Start(start)!, url);
        portal._process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url };
        using var deadline = new CancellationTokenSource(StartupTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(deadline.Token))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), deadline.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Sessions.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException($"No Sessions.sln above {AppContext.BaseDirectory}.");
        }
        return folder.FullName;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
