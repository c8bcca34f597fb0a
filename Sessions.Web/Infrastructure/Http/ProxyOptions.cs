using System.Net;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For/Proto/Host</c> the portal believes. Both
/// empty (the default) trusts loopback only, as ASP.NET Core does; listing either replaces that default, so an operator
/// states every proxy in front of the portal and nobody else can claim another address or scheme.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    public bool ReplacesDefaults => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>A mistyped proxy would silently turn every client into the proxy's address (one rate-limit partition for all), so it stops the app at start.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxyOptions.Section}:{nameof(ProxyOptions.KnownProxies)} must hold IP addresses such as 10.0.0.5; '{p}' is not one.")
            .Concat(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
                .Select(n => $"{ProxyOptions.Section}:{nameof(ProxyOptions.KnownNetworks)} must hold CIDR networks such as 10.0.0.0/24; '{n}' is not one."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
