using Microsoft.AspNetCore.Http.Connections;
using Sessions.Web.Infrastructure.RateLimiting;

namespace Sessions.Web.Features.Live;

public static class LiveFeature
{
    public static IHostApplicationBuilder AddLiveFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<LiveBroadcaster>();
        builder.Services.AddHostedService<LiveConnectionGuard>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        // A connection authenticated with a bearer token closes when the token expires; the app reconnects with a renewed one.
        app.MapHub<LiveHub>(LiveHub.Path, (HttpConnectionDispatcherOptions options) => options.CloseOnAuthenticationExpiration = true)
            .RequireRateLimiting(RateLimitPolicies.HubConnections);
        return app;
    }
}
