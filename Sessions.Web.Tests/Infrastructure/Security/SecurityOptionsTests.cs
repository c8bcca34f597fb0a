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
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = SessionsAppFactory.AgoraAppId,
            ["Agora:AppCertificate"] = SessionsAppFactory.AgoraCertificate,
            ["Security:AllowedOrigins:0"] = origin,
        });

        Assert.Contains("Security:AllowedOrigins must hold absolute http(s) origins", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'{origin}'", failure.Message, StringComparison.Ordinal);
    }
}
