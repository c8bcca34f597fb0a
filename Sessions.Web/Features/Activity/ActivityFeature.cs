namespace Sessions.Web.Features.Activity;

public static class ActivityFeature
{
    public static IHostApplicationBuilder AddActivityFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ActivityLog>();
        return builder;
    }
}
