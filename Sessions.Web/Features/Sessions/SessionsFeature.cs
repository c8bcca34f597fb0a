namespace Sessions.Web.Features.Sessions;

public static class SessionsFeature
{
    public static IHostApplicationBuilder AddSessionsFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>()
            .BindConfiguration(SessionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddSingleton<SessionQueries>();
        return builder;
    }
}
