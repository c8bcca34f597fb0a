using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Administration.Audit;

namespace Sessions.Web.Features.Administration;

public static class AdministrationFeature
{
    public static IHostApplicationBuilder AddAdministrationFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<SetPasswordLinks>();
        // Scoped: Identity's lookup normalizer is.
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }
}
