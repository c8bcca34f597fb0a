using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over its own SQLite file, migrated at start as in production.
/// Only time is fake, so tests can stand at the edges of a start window.
/// </summary>
public sealed class SessionsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AgoraAppId = "aaaabbbbccccddddeeeeffff00001111";
    public const string AgoraCertificate = "11110000ffffeeeeddddccccbbbbaaaa";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly bool _runsLifecycleWorker;
    private readonly ILoggerProvider? _logs;

    public SessionsAppFactory()
        : this(NewDatabasePath(), new Dictionary<string, string?>(), ownsDatabase: true)
    {
    }

    /// <param name="databasePath">Another factory's database, to play a restart of the app over the same data.</param>
    /// <param name="settings">Configuration on top of the test defaults (for example the Firestore emulator).</param>
    /// <param name="ownsDatabase">Whether disposing this factory deletes the database file.</param>
    /// <param name="time">Another factory's clock, so a restarted app continues the same timeline.</param>
    /// <param name="runsLifecycleWorker">
    /// Whether the background worker that cancels missed sessions and ends overrun ones runs. Off by default: most tests
    /// move the fake clock past windows and booked ends on purpose and must not race it.
    /// </param>
    /// <param name="logs">Also receives what the app logs, for tests of what it writes there.</param>
    internal SessionsAppFactory(string databasePath, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase,
        FakeTimeProvider? time = null, bool runsLifecycleWorker = false, ILoggerProvider? logs = null)
    {
        _runsLifecycleWorker = runsLifecycleWorker;
        _logs = logs;
        DatabasePath = databasePath;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
        // Starts at a whole second, as stored instants are whole milliseconds.
        Time = time ?? new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        UseKestrel(0);
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; }

    public TestData Data => new(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sessions", $"Data Source={DatabasePath}");
        builder.UseSetting("Agora:AppId", AgoraAppId);
        builder.UseSetting("Agora:AppCertificate", AgoraCertificate);
        // The notifier stays off unless a test turns it on, whatever the machine's environment says.
        builder.UseSetting("Firestore:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            // Hashing strength is not under test here; a cheaper hash keeps the many sign-ins fast.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            if (!_runsLifecycleWorker)
            {
                var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SessionLifecycleWorker));
                services.Remove(worker);
            }
        });
    }

    public Task InitializeAsync()
    {
        StartServer();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            DeleteDatabase(DatabasePath);
        }
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"sessions-tests-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppFixtureGroup : ICollectionFixture<SessionsAppFactory>
{
    public const string Name = "app";
}
