using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Tests.Infrastructure;

public static class StartupFailures
{
    /// <summary>Builds the app with these settings over a database of its own, and answers why its options stopped it at start.</summary>
    public static OptionsValidationException Of(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var database = SessionsAppFactory.NewDatabasePath();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Sessions", $"Data Source={database}");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        try
        {
            return Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SessionsAppFactory.DeleteDatabase(database);
        }
    }
}
