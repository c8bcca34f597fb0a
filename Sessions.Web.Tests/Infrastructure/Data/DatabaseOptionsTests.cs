namespace Sessions.Web.Tests.Infrastructure.Data;

/// <summary>A mistyped provider stops the app at start, naming the setting and what it may be.</summary>
public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("Oracle")]
    [InlineData("postgresql")]
    public void The_app_refuses_to_start_with_a_provider_it_does_not_know(string provider)
    {
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = SessionsAppFactory.AgoraAppId,
            ["Agora:AppCertificate"] = SessionsAppFactory.AgoraCertificate,
            ["Database:Provider"] = provider,
        });

        Assert.Contains("Database:Provider must be Sqlite or Postgres.", failure.Message, StringComparison.Ordinal);
    }
}
