using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// One more instance of the portal beside an in-process app, as a process of its own so that a test can SIGKILL it.
/// It runs over the app's database with the app's own database settings, copied from its configuration, so it follows
/// whatever provider the app was given.
/// </summary>
internal static class PortalBeside
{
    public const string DatabaseSection = "Database";
    public const string ConnectionString = "ConnectionStrings:Sessions";

    public static Task<PortalProcess> StartAsync(SessionsAppFactory app, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var database = configuration.GetSection(DatabaseSection).AsEnumerable()
            .Append(new(ConnectionString, configuration[ConnectionString]))
            .Where(setting => setting.Value is not null);
        // PortalProcess writes its own SQLite connection string first; the app's, copied here, overrides it.
        return PortalProcess.StartAsync(PortalProcess.Production, databasePath: "", settings.Concat(database).ToDictionary());
    }
}
