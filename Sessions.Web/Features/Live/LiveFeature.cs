namespace Sessions.Web.Features.Live;

public static class LiveFeature
{
    public static IHostApplicationBuilder AddLiveFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddSingleton<LiveBroadcaster>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
