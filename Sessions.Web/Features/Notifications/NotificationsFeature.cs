using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IHostApplicationBuilder AddNotificationsFeature(this IHostApplicationBuilder builder)
    {
        builder.AddFirestoreClient();
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<SessionNotifications>();
        builder.Services.AddSingleton<IOutboxHandler, FirestoreNotifierHandler>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHealthChecks().AddCheck<NotifierHealthCheck>(NotifierHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
