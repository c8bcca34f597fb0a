using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Builds the app with settings its options validation must refuse, and answers the refusal it stops with.</summary>
public static class StartupFailures
{
    public static OptionsValidationException Of(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var database = TestDatabase.Create();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }
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
            database.Delete();
        }
    }
}
