using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian package <c>redis-server</c>, which test.sh installs) on a free loopback port, with
/// nothing persisted. It runs in the foreground as this process's child, so stopping it is killing it.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>What <c>Redis:Configuration</c> is set to for an app that uses this server.</summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public async Task InitializeAsync()
    {
        var binary = Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "redis-server was not found. Install the Debian package redis-server (apt-get install -y redis-server); ./test.sh does.");
        Port = FreePort();
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--daemonize", "no", "--logfile", "", "--dir", Path.GetTempPath() })
        {
            info.ArgumentList.Add(argument);
        }
        var output = new List<string>();
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Observe(line.Data, output);
        _process.ErrorDataReceived += (_, line) => Observe(line.Data, output);
        _process.Exited += (_, _) => _ready.TrySetException(
            new InvalidOperationException($"redis-server exited before it was ready:\n{string.Join('\n', Snapshot(output))}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await _ready.Task.WaitAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        Dispose();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
        }
        _process?.Dispose();
        _process = null;
    }

    private void Observe(string? line, List<string> output)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Add(line);
        }
        if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static string[] Snapshot(List<string> output)
    {
        lock (output)
        {
            return [.. output];
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
