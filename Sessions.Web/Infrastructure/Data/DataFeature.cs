using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Data;

public static class DataFeature
{
    public static IHostApplicationBuilder AddDataFeature(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsDatabase();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<DevelopmentSeed>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
