using Sessions.Proxy.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The real multi-instance setup of scripts/cluster.sh: two built portals (Development, so the first migrates and seeds)
/// over one PostgreSQL database and one Redis live bus, with Sessions.Proxy in front. PostgreSQL rather than a shared
/// SQLite file, because a district runs more than one instance only on PostgreSQL.
/// </summary>
public sealed class ScaledOutPortals : IAsyncLifetime, IDisposable
{
    private readonly RedisServerFixture _redis = new();
    private ProxiedPortals? _portals;

    private ProxiedPortals Portals => _portals ?? throw new InvalidOperationException("The instances have not been started.");

    /// <summary>Where a browser goes: the proxy, which pins it to one instance with its affinity cookie.</summary>
    public Uri ProxyUrl => Portals.Proxy.Url;

    /// <summary>Each instance's own address by the name the proxy gives it in <c>X-Served-By</c>, to reach one past the proxy.</summary>
    public IReadOnlyDictionary<string, Uri> Instances => Portals.Instances.ToDictionary(i => i.Key, i => i.Value.Url);

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        // An empty database: the first instance migrates and seeds it as a fresh deployment would. It is not dropped
        // afterwards; the whole throwaway cluster goes when the test run ends.
        _portals = new ProxiedPortals(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Sessions"] = PostgresTestCluster.Shared.CreateDatabase(template: null),
            ["Redis:Configuration"] = _redis.Configuration,
        });
        await _portals.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_portals is not null)
        {
            await _portals.DisposeAsync();
        }
        await _redis.DisposeAsync();
    }

    /// <summary>Stops Redis, should <see cref="DisposeAsync"/> not have run.</summary>
    public void Dispose() => _redis.Dispose();
}
