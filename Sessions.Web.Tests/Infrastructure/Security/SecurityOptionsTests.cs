using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Tests.Infrastructure.Security;

/// <summary>A malformed trusted origin stops the app at start, naming the setting, rather than refusing a front end later.</summary>
public sealed class SecurityOptionsTests
{
    [Theory]
    [InlineData("https://school.example/portal")]
    [InlineData("https://school.example?x=1")]
    [InlineData("school.example")]
    [InlineData("ftp://school.example")]
    [InlineData("https://user@school.example")]
    [InlineData("*")]
    public void The_app_refuses_to_start_with_an_allowed_origin_that_is_not_an_origin(string origin)
    {
        var database = Path.Combine(Path.GetTempPath(), $"sessions-options-{Guid.NewGuid():N}.db");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Sessions", $"Data Source={database}");
            builder.UseSetting("Agora:AppId", SessionsAppFactory.AgoraAppId);
            builder.UseSetting("Agora:AppCertificate", SessionsAppFactory.AgoraCertificate);
            builder.UseSetting("Security:AllowedOrigins:0", origin);
        });

        try
        {
            var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

            Assert.Contains($"Security:AllowedOrigins must hold absolute http(s) origins", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"'{origin}'", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
