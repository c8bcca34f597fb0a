using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Tests.Features.Video;

/// <summary>Outside Development, missing or malformed Agora credentials stop the app at start, naming the setting.</summary>
public sealed class AgoraOptionsStartupTests
{
    [Theory]
    [InlineData(null, "11110000ffffeeeeddddccccbbbbaaaa", "Agora:AppId is required")]
    [InlineData("aaaabbbbccccddddeeeeffff00001111", null, "Agora:AppCertificate is required")]
    [InlineData("not-hex", "11110000ffffeeeeddddccccbbbbaaaa", "Agora:AppId must be 32 hexadecimal characters")]
    public void The_app_refuses_to_start_without_valid_credentials(string? appId, string? certificate, string expected)
    {
        var database = Path.Combine(Path.GetTempPath(), $"sessions-options-{Guid.NewGuid():N}.db");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Sessions", $"Data Source={database}");
            builder.UseSetting("Agora:AppId", appId ?? "");
            builder.UseSetting("Agora:AppCertificate", certificate ?? "");
        });

        try
        {
            var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
