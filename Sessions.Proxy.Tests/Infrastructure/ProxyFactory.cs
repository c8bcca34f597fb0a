using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Proxy;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Sessions.Proxy.Tests.Infrastructure;

/// <summary>Sessions.Proxy in this process on a real Kestrel port (WebSockets need a real socket) in front of <paramref name="destinations"/> (name → address).</summary>
internal sealed class ProxyFactory(IReadOnlyDictionary<string, string> destinations) : WebApplicationFactory<Program>
{
    public Uri Url
    {
        get
        {
            using var client = CreateClient();
            return client.BaseAddress!;
        }
    }

    /// <summary>The names of the instances the proxy sends new visitors to right now, as its health checks left them.</summary>
    public IReadOnlyList<string> InRotation()
    {
        var lookup = Services.GetRequiredService<IProxyStateLookup>();
        return lookup.TryGetCluster(PortalCluster.Id, out var cluster)
            ? [.. cluster.DestinationsState.AvailableDestinations.Select(d => d.DestinationId).Order()]
            : [];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, address) in destinations)
        {
            builder.UseSetting($"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.Destinations)}:{name}", address);
        }
        // Probes four times a second, so a killed instance (its port refuses at once) leaves the rotation within a second
        // rather than ten; the timeout stays generous, so a live instance slowed by a busy machine is not taken out.
        builder.UseSetting($"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.HealthCheckInterval)}", "00:00:00.25");
        builder.UseSetting($"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.HealthCheckTimeout)}", "00:00:05");
    }

    public static ProxyFactory Start(IReadOnlyDictionary<string, string> destinations)
    {
        var proxy = new ProxyFactory(destinations);
        proxy.UseKestrel(0);
        proxy.StartServer();
        return proxy;
    }
}
