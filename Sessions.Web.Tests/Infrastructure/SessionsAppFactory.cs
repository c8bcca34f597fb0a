using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over its own SQLite file, migrated at start as in production.
/// Only time is fake, so tests can stand at the edges of a start window.
/// </summary>
public sealed class SessionsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AgoraAppId = "aaaabbbbccccddddeeeeffff00001111";
    public const string AgoraCertificate = "11110000ffffeeeeddddccccbbbbaaaa";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"sessions-tests-{Guid.NewGuid():N}.db");

    public SessionsAppFactory() => UseKestrel(0);

    /// <summary>Starts at a whole second, as stored instants are whole milliseconds.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public TestData Data => new(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sessions", $"Data Source={_databasePath}");
        builder.UseSetting("Agora:AppId", AgoraAppId);
        builder.UseSetting("Agora:AppCertificate", AgoraCertificate);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            // Hashing strength is not under test here; a cheaper hash keeps the many sign-ins fast.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
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
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
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
