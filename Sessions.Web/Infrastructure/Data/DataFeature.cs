using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Data;

public static class DataFeature
{
    public static IHostApplicationBuilder AddDataFeature(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsDatabase();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<DevelopmentSeed>();
        return builder;
    }
}
