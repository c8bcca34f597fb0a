using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Live.Bus;
using Sessions.Web.Features.Live.Contract;
using Sessions.Web.Infrastructure.Http;
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
        builder.Services.AddSingleton<LiveDelivery>();
        builder.AddLiveBus();
        builder.Services.AddHostedService<LiveConnectionGuard>();
        return builder;
    }

    /// <summary>
    /// Redis pub/sub only, no SignalR backplane: hub sends stay local to each instance and the bus reaches every instance once,
    /// so a hub client and a page alike hear an event exactly once.
    /// </summary>
    private static void AddLiveBus(this IHostApplicationBuilder builder)
    {
        if (!RedisOptions.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<ILiveBus, InProcessLiveBus>();
            return;
        }
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Parses(), "Redis:Configuration is not a valid StackExchange.Redis configuration string.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RedisLiveBus>();
        builder.Services.AddSingleton<ILiveBus>(sp => sp.GetRequiredService<RedisLiveBus>());
        // Registered before the features whose workers publish, so it has subscribed before they start.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisLiveBus>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        // A connection authenticated with a bearer token closes when the token expires; the app reconnects with a renewed one.
        app.MapHub<LiveHub>(LiveHub.Path, (HttpConnectionDispatcherOptions options) => options.CloseOnAuthenticationExpiration = true)
            .RequireRateLimiting(RateLimitPolicies.HubConnections);
        return app.MapLiveContract();
    }

    /// <summary>
    /// Serves the hub's AsyncAPI document. It is built here, at start-up, so an event the contract cannot describe
    /// stops the portal from starting rather than surfacing when someone reads the document.
    /// </summary>
    private static IEndpointRouteBuilder MapLiveContract(this IEndpointRouteBuilder app)
    {
        var hubJson = app.ServiceProvider.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var document = LiveAsyncApiDocument.Build(hubJson);
        app.MapGet(LiveAsyncApiDocument.Path, (HttpRequest request) =>
                TypedResults.Text(LiveAsyncApiDocument.For(document, request).ToJsonString(), "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
