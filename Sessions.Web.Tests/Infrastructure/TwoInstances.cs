using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Two portal instances over one SQLite file and one clock, both on the same Redis: A writes, B is the other instance.</summary>
public sealed class TwoInstances(SessionsAppFactory a, SessionsAppFactory b) : IAsyncDisposable
{
    public SessionsAppFactory A { get; } = a;

    public SessionsAppFactory B { get; } = b;

    public static async Task<TwoInstances> StartAsync(RedisServerFixture redis)
    {
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        var a = new SessionsAppFactory(TestDatabase.Create(), settings, ownsDatabase: true);
        await a.InitializeAsync();
        var b = new SessionsAppFactory(a.Database, settings, ownsDatabase: false, time: a.Time);
        await b.InitializeAsync();
        return new TwoInstances(a, b);
    }

    public async ValueTask DisposeAsync()
    {
        // B first: A deletes the database they share.
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }
}
