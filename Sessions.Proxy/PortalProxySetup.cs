using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Sessions.Proxy;

public static class PortalProxySetup
{
    /// <summary>
    /// YARP over the validated <see cref="PortalProxyOptions"/>. It sets <c>X-Forwarded-For/Proto/Host</c> as YARP does
    /// by default; each instance believes them from the addresses in its <c>ForwardedHeaders:KnownProxies</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPortalProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalProxyOptions>().BindConfiguration(PortalProxyOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PortalProxyOptions>, PortalProxyOptionsValidator>();
        builder.Services.AddSingleton<IProxyConfigProvider>(services =>
            PortalCluster.Config(services.GetRequiredService<IOptions<PortalProxyOptions>>().Value));
        builder.Services.AddReverseProxy().AddTransforms(transforms => transforms.AddResponseTransform(context =>
        {
            if (context.HttpContext.GetReverseProxyFeature().ProxiedDestination is { } destination)
            {
                context.HttpContext.Response.Headers[PortalCluster.ServedByHeader] = destination.DestinationId;
            }
            return ValueTask.CompletedTask;
        }));
        return builder;
    }
}
