using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.SessionAffinity;

namespace Sessions.Proxy;

/// <summary>YARP's configuration for the portal: every path to one cluster of the configured instances.</summary>
public static class PortalCluster
{
    public const string Id = "portal";

    /// <summary>Names the instance that served a response, so an operator can see where a browser is pinned.</summary>
    public const string ServedByHeader = "X-Served-By";

    /// <summary>
    /// How long an instance that failed requests at the transport level (refused, reset) stays out before it is tried
    /// again; the active check keeps a dead instance out meanwhile, so this only bounds how long a blip costs.
    /// </summary>
    private static readonly TimeSpan PassiveReactivation = TimeSpan.FromSeconds(30);

    public static InMemoryConfigProvider Config(PortalProxyOptions options) => new(
        [new RouteConfig { RouteId = Id, ClusterId = Id, Match = new RouteMatch { Path = "{**path}" } }],
        [Cluster(options)]);

    private static ClusterConfig Cluster(PortalProxyOptions options) => new()
    {
        ClusterId = Id,
        Destinations = options.Destinations.ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Value }),
        // Round robin spreads new visitors evenly; the affinity cookie then keeps each on its instance.
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        // A Blazor circuit and a hub connection live in one instance's memory: negotiate, the WebSocket and every later
        // request must reach the instance that holds them. The cookie's value is protected by Data Protection.
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = SessionAffinityConstants.Policies.Cookie,
            // Affinity to an instance that is gone moves the client to another one, which starts it a new circuit.
            FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
            AffinityKeyName = options.AffinityCookieName,
            Cookie = new SessionAffinityCookieConfig
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
            },
        },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthCheckInterval,
                Timeout = options.HealthCheckTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = options.ReadinessPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = PassiveReactivation,
            },
        },
    };
}
