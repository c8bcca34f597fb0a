namespace Sessions.Web.Features.Calendar;

public static class CalendarFeature
{
    public static IHostApplicationBuilder AddCalendarFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarFeeds>();
        builder.Services.AddSingleton<CalendarSessions>();
        return builder;
    }
}
