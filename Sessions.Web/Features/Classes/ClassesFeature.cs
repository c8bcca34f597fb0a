namespace Sessions.Web.Features.Classes;

public static class ClassesFeature
{
    public static IHostApplicationBuilder AddClassesFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ClassMembership>();
        builder.Services.AddSingleton<ClassService>();
        builder.Services.AddSingleton<ClassSessionDefaults>();
        builder.Services.AddScoped<ClassRoster>();
        builder.Services.AddSingleton<ClassPastSessions>();
        builder.Services.AddSingleton<ClassAdministration>();
        builder.Services.AddSingleton<ClassEducators>();
        return builder;
    }
}
