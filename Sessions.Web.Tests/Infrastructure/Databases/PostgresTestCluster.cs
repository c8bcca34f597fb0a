using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure.Databases;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian package <c>postgresql</c>) on a free loopback port, started once per test run
/// when the first test asks for a database, with fsync off: nothing in it outlives the run. Migrations are applied
/// once, to a template, and every test database is a copy of it (<c>CREATE DATABASE … TEMPLATE</c> takes milliseconds).
/// The cluster stops when the test process exits, and a watchdog stops it too if the process is killed.
/// </summary>
internal sealed class PostgresTestCluster
{
    private const string Template = "sessions_template";
    private const string ServerUser = "postgres";
    private static readonly Lazy<PostgresTestCluster> s_shared = new(Start);

    private readonly string _folder;
    private readonly string _binaries;
    private readonly int _port;

    private PostgresTestCluster(string folder, string binaries, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _port = port;
    }

    public static PostgresTestCluster Shared => s_shared.Value;

    private string DataFolder => Path.Combine(_folder, "data");

    public TestDatabase CreateDatabase()
    {
        var name = $"sessions_{Guid.NewGuid():N}";
        Execute($"""CREATE DATABASE "{name}" TEMPLATE "{Template}";""");
        return new TestDatabase(DatabaseOptions.Postgres, ConnectionString(name, pooling: true));
    }

    public void DropDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(name, pooling: true)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE);""");
    }

    private string ConnectionString(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = ServerUser,
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(ServerUser, pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresTestCluster Start()
    {
        var binaries = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("sessions-pg-").FullName;
        var cluster = new PostgresTestCluster(folder, binaries, FreePort());
        GiveToServerUser(folder);
        cluster.Run("initdb", "-D", cluster.DataFolder, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        // Many apps run side by side in one test run, each with its own connection pool.
        cluster.Run("pg_ctl", "-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-o",
            string.Create(CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -p {cluster._port} -k {folder} -c max_connections=1000 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        cluster.WatchForAbort();
        cluster.CreateTemplate();
        return cluster;
    }

    private void CreateTemplate()
    {
        Execute($"""CREATE DATABASE "{Template}";""");
        var options = new DbContextOptionsBuilder<PostgresSessionsDbContext>().UseNpgsql(ConnectionString(Template, pooling: false)).Options;
        using var db = new PostgresSessionsDbContext(options);
        db.Database.Migrate();
    }

    private void Stop()
    {
        Run("pg_ctl", "-D", DataFolder, "stop", "-m", "immediate");
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// A killed test run never reaches ProcessExit; a detached shell outlives it, waits for it to go and then stops the
    /// server and removes its files, so no postgres is left behind.
    /// </summary>
    private void WatchForAbort()
    {
        var stop = Command("pg_ctl", "-D", DataFolder, "stop", "-m", "immediate");
        var script = string.Create(CultureInfo.InvariantCulture,
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {string.Join(' ', stop.Select(Quote))} >/dev/null 2>&1; rm -rf {Quote(_folder)}");
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            info.ArgumentList.Add(argument);
        }
        Process.Start(info)?.Dispose();
    }

    private void Run(string tool, params string[] arguments)
    {
        var command = Command(tool, arguments);
        var (exitCode, output) = RunProcess(command[0], command[1..]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({exitCode}):\n{output}");
        }
    }

    /// <summary>The server refuses to run as root: as root (CI) the tools run as the postgres user, otherwise as ourselves.</summary>
    private string[] Command(string tool, params string[] arguments)
    {
        var path = Path.Combine(_binaries, tool);
        return Environment.UserName == "root" ? ["runuser", "-u", ServerUser, "--", path, .. arguments] : [path, .. arguments];
    }

    private static void GiveToServerUser(string folder)
    {
        if (Environment.UserName == "root")
        {
            RunProcess("chown", [$"{ServerUser}:{ServerUser}", folder]);
        }
    }

    private static (int ExitCode, string Output) RunProcess(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => File.Exists(Path.Combine(folder, "initdb")));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Order()
            : Enumerable.Empty<string>();
        return onPath.Concat(debian).FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")))
            ?? throw new InvalidOperationException(
                "PostgreSQL's initdb was not found. Install the Debian package postgresql (apt-get install -y postgresql); ./test.sh does.");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
