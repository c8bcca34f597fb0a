using Sessions.Web.Tests.Infrastructure;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The built app as a child process on 127.0.0.1 and a free port, in Development so that migrations run and the demo
/// data is seeded into a fresh SQLite file.
/// </summary>
public class LiveServerFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"sessions-e2e-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private PortalProcess? _portal;
    private Uri? _url;

    public LiveServerFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration for this app, as environment variables (<c>Auth__RevalidateWithinSeconds</c>).</param>
    protected LiveServerFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>The app's SQLite file, for tests that change what the app cannot (yet) change itself.</summary>
    public string DatabasePath => Path.Combine(_dataFolder, "sessions.db");

    public Uri BaseUrl => _url ?? throw new InvalidOperationException("The app has not been started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        // Ready once the sign-in page renders, so the first test does not pay for the first render.
        _portal = await PortalProcess.StartAsync(PortalProcess.Development, DatabasePath, _settings, readinessPath: "/login");
        _url = _portal.Url;
    }

    /// <summary>Stops the app as a service manager would (SIGTERM) and answers how long it took to exit.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan patience)
    {
        var portal = _portal ?? throw new InvalidOperationException("The app has not been started.");
        _portal = null;
        try
        {
            return await portal.TerminateAsync(patience);
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    /// <summary>Starts the app again after <see cref="StopAsync"/>: the same port and database, as after a restart.</summary>
    public async Task StartAgainAsync()
    {
        _portal = await PortalProcess.StartAsync(PortalProcess.Development, DatabasePath, _settings, readinessPath: "/login", BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    internal static string FindRepositoryRoot() => PortalProcess.RepositoryRoot();

    internal static int FreePort() => PortalProcess.FreePort();
}
