using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Sessions.Proxy;

/// <summary>
/// Section <c>Proxy</c>: the portal instances behind the proxy and how it watches them. Only the destinations have no
/// default: <c>Proxy:Destinations:a=http://127.0.0.1:5101</c>, <c>Proxy:Destinations:b=http://127.0.0.1:5102</c>.
/// </summary>
public sealed class PortalProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Each portal instance by name. The name is what the <see cref="PortalCluster.ServedByHeader"/> response header
    /// reports, so an instance's address never leaves the proxy.
    /// </summary>
    public Dictionary<string, string> Destinations { get; set; } = [];

    /// <summary>The path each instance answers 200 on while it can serve (the portal's <c>/health/ready</c>).</summary>
    [Required]
    public string ReadinessPath { get; set; } = "/health/ready";

    /// <summary>How often each instance's readiness is asked; two failures in a row take it out of rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A readiness answer slower than this counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The cookie that pins a browser (and its Blazor circuit) or a SignalR client to one instance.</summary>
    [Required]
    public string AffinityCookieName { get; set; } = ".Sessions.Affinity";
}

/// <summary>A proxy with no instance, or with a mistyped address, would start and answer 502 to everyone; it stops at start instead.</summary>
internal sealed class PortalProxyOptionsValidator : IValidateOptions<PortalProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalProxyOptions options)
    {
        var failures = options.Destinations
            .Where(d => !Uri.TryCreate(d.Value, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            .Select(d => $"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.Destinations)}:{d.Key} must be an http(s) address such as http://127.0.0.1:5101; '{d.Value}' is not one.")
            .ToList();
        if (options.Destinations.Count == 0)
        {
            failures.Add($"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.Destinations)} names no portal instance; set {PortalProxyOptions.Section}:{nameof(PortalProxyOptions.Destinations)}:a=http://127.0.0.1:5101 (one key per instance).");
        }
        if (!options.ReadinessPath.StartsWith('/'))
        {
            failures.Add($"{PortalProxyOptions.Section}:{nameof(PortalProxyOptions.ReadinessPath)} must start with '/'; '{options.ReadinessPath}' does not.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
