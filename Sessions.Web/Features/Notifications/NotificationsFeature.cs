using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IHostApplicationBuilder AddNotificationsFeature(this IHostApplicationBuilder builder)
    {
        builder.AddFirestoreClient();
        builder.Services.AddOptions<NotifierOptions>()
            .BindConfiguration(NotifierOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<SessionNotifications>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHealthChecks().AddCheck<NotifierHealthCheck>(NotifierHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
