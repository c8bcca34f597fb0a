using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over its own database (a SQLite file, or a PostgreSQL database when
/// the run says so: <see cref="TestDatabase"/>), migrated at start as in production.
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
        : this(TestDatabase.Create(), new Dictionary<string, string?>(), ownsDatabase: true)
    {
    }

    /// <param name="database">Another factory's database, to play a restart of the app over the same data.</param>
    /// <param name="settings">Configuration on top of the test defaults (for example the Firestore emulator).</param>
    /// <param name="ownsDatabase">Whether disposing this factory deletes the database.</param>
    /// <param name="time">Another factory's clock, so a restarted app continues the same timeline.</param>
    /// <param name="runsLifecycleWorker">
    /// Whether the background worker that cancels missed sessions and ends overrun ones runs. Off by default: most tests
    /// move the fake clock past windows and booked ends on purpose and must not race it.
    /// </param>
    /// <param name="logs">Also receives what the app logs, for tests of what it writes there.</param>
    internal SessionsAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase,
        FakeTimeProvider? time = null, bool runsLifecycleWorker = false, ILoggerProvider? logs = null)
    {
        _runsLifecycleWorker = runsLifecycleWorker;
        _logs = logs;
        Database = database;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
        // Starts at a whole second, as stored instants are whole milliseconds.
        Time = time ?? new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        UseKestrel(0);
    }

    public TestDatabase Database { get; }

    /// <summary>
    /// Where this app keeps chat attachments (<c>Chat:StorageRoot</c>): a folder of its own, deleted with its database. A
    /// restarted app over the same database is given the same folder in its settings.
    /// </summary>
    public string AttachmentRoot { get; } = Path.Combine(Path.GetTempPath(), $"sessions-attachments-{Guid.NewGuid():N}");

    public FakeTimeProvider Time { get; }

    public TestData Data => new(this);

    /// <summary>Calls a scoped service from a scope of its own, as one request or circuit would.</summary>
    public async Task<TResult> WithScopedAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // What Development checks at start-up, so that a singleton taking a scoped service fails here and not only in the E2E runs.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Agora:AppId", AgoraAppId);
        builder.UseSetting("Agora:AppCertificate", AgoraCertificate);
        // The notifier stays off unless a test turns it on, whatever the machine's environment says.
        builder.UseSetting("Firestore:Enabled", "false");
        // Many test classes share one app and all sign in from 127.0.0.1: on a fast machine they outran the production
        // limit per address (429s in unrelated tests). The sign-in limit's own tests set theirs below.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Chat:StorageRoot", AttachmentRoot);
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
        if (_ownsDatabase)
        {
            Database.Delete();
        }
        if (Directory.Exists(AttachmentRoot))
        {
            Directory.Delete(AttachmentRoot, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppFixtureGroup : ICollectionFixture<SessionsAppFactory>
{
    public const string Name = "app";
}
