using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>An app of a test's own, started with settings the shared app must not have, and gone with its database at the end of the test.</summary>
public sealed class OwnedApp(SessionsAppFactory app) : IAsyncDisposable
{
    public IServiceProvider Services => app.Services;

    public static async Task<OwnedApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = new SessionsAppFactory(TestDatabase.Create(), settings, ownsDatabase: true);
        await app.InitializeAsync();
        return new OwnedApp(app);
    }

    public HttpClient CreateClient() => app.CreateClient();

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();
}
