using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// <c>dotnet Sessions.Web.dll migrate</c>: applies the configured provider's migrations and exits, the separate release
/// step for production instances that start with <c>Database:MigrateAtStart=false</c>.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    /// <returns>0 once the database is up to date; 1, with the reason on standard error, when it could not be.</returns>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            await app.Services.MigrateDatabaseAsync();
            await Console.Out.WriteLineAsync($"The {provider} database is up to date.");
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"Migrating the database failed: {exception.Message}");
            return 1;
        }
    }
}
