using Sessions.Web.Features.Accounts.Passwords;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Administration.Bootstrap;
using Sessions.Web.Features.Administration.Overview;
using Sessions.Web.Features.Administration.Importing;

namespace Sessions.Web.Features.Administration;

public static class AdministrationFeature
{
    public static IHostApplicationBuilder AddAdministrationFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<SchoolOverview>();
        builder.Services.AddSingleton<SetPasswordLinks>();
        // Scoped: Identity's lookup normalizer is.
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<RosterImport>();
        builder.Services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminBootstrapOptions>, AdminBootstrapOptionsValidator>();
        builder.Services.AddScoped<AdminBootstrap>();
        return builder;
    }
}
