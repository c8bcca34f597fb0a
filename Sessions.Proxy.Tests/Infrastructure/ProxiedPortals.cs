using System.Net;
using Sessions.Proxy;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Proxy.Tests.Infrastructure;

/// <summary>
/// Two portal instances (Development: migrated and seeded with the demo accounts) over one SQLite file, and the proxy in
/// front of them, as scripts/cluster.sh runs them. The instances believe the proxy's forwarded headers from 127.0.0.1.
/// </summary>
public sealed class ProxiedPortals : IAsyncLifetime
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private static readonly string[] Names = ["a", "b"];
    private static readonly Dictionary<string, string?> InstanceSettings = new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sessions-proxy-tests-{Guid.NewGuid():N}");
    private readonly Dictionary<string, PortalProcess> _instances = [];
    private ProxyFactory? _proxy;

    internal IReadOnlyDictionary<string, PortalProcess> Instances => _instances;

    internal ProxyFactory Proxy => _proxy ?? throw new InvalidOperationException("The cluster has not been started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "sessions.db");
        try
        {
            // One after the other: the first migrates and seeds the shared file, the second finds it ready.
            foreach (var name in Names)
            {
                _instances[name] = await PortalProcess.StartAsync(PortalProcess.Development, database, InstanceSettings, ReadyPath);
            }
            _proxy = ProxyFactory.Start(_instances.ToDictionary(i => i.Key, i => i.Value.Url.ToString()));
        }
        catch
        {
            // The instance that did start would otherwise outlive the test run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the proxy; with <paramref name="cookies"/> it sends the affinity cookie back as a browser does.</summary>
    public HttpClient Client(CookieContainer? cookies) => new(cookies is null
        ? new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }
        : new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Proxy.Url };

    /// <summary>GETs <paramref name="path"/> through the proxy and returns the name of the instance that answered 200.</summary>
    public static async Task<string> ServedByAsync(HttpClient client, string path = LivePath)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(response.Headers.GetValues(PortalCluster.ServedByHeader));
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        foreach (var instance in _instances.Values)
        {
            await instance.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
