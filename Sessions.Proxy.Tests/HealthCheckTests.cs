using System.Net;
using Sessions.Proxy.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Proxy.Tests;

/// <summary>Its own pair of instances: the test kills one.</summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private readonly ProxiedPortals _portals = new();

    [Fact]
    public async Task A_killed_instance_leaves_the_rotation_and_its_clients_move_to_the_other()
    {
        var cookies = new CookieContainer();
        using var pinned = _portals.Client(cookies);
        var victim = await ProxiedPortals.ServedByAsync(pinned);
        var survivor = Assert.Single(_portals.Instances.Keys, name => name != victim);

        _portals.Instances[victim].Kill();

        await Eventually.MatchesAsync(() => Task.FromResult(_portals.Proxy.InRotation()), rotation => rotation.SequenceEqual([survivor]),
            $"the proxy's readiness probes to take {victim} out of the rotation");
        Assert.Equal(survivor, await ProxiedPortals.ServedByAsync(pinned));
        using var newcomer = _portals.Client(cookies: null);
        Assert.Equal([survivor, survivor], [await ProxiedPortals.ServedByAsync(newcomer), await ProxiedPortals.ServedByAsync(newcomer)]);
    }

    public Task InitializeAsync() => _portals.InitializeAsync();

    public Task DisposeAsync() => _portals.DisposeAsync();
}
