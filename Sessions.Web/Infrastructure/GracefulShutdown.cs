namespace Sessions.Web.Infrastructure;

/// <summary>How the portal stops when asked to (SIGTERM, Ctrl+C, a rolling deployment).</summary>
internal static class GracefulShutdown
{
    /// <summary>
    /// How long the host waits for requests in flight and hosted services before it stops anyway. The default, 30 s,
    /// was spent in full whenever a page was open, because a Blazor circuit's WebSocket never finishes by itself.
    /// SignalR closes its connections (hub clients and circuits alike) as soon as the application is stopping, so the
    /// browsers start reconnecting at once; what is left is ordinary requests, which take well under this.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = Timeout);
        return builder;
    }
}
