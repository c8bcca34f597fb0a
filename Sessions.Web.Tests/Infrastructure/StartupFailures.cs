using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Builds the app with settings its options validation must refuse, and answers the refusal it stops with.</summary>
public static class StartupFailures
{
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
