using Sessions.Web.Features.Sessions.Series;

namespace Sessions.Web.Features.Sessions;

public static class SessionsFeature
{
    public static IHostApplicationBuilder AddSessionsFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>()
            .BindConfiguration(SessionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SessionTransitions>();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddSingleton<SessionBookings>();
        builder.Services.AddSingleton<SessionSeries>();
        builder.Services.AddSingleton<SessionDeadlines>();
        builder.Services.AddHostedService<SessionLifecycleWorker>();
        builder.Services.AddSingleton<SessionQueries>();
        return builder;
    }
}
