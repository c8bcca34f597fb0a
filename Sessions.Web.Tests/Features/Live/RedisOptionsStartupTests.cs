using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Live;

/// <summary>A Redis setting the client cannot read stops the portal at start, not at the first live event.</summary>
public sealed class RedisOptionsStartupTests
{
    [Fact]
    public void The_app_refuses_to_start_with_an_unreadable_Redis_configuration()
    {
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = SessionsAppFactory.AgoraAppId,
            ["Agora:AppCertificate"] = SessionsAppFactory.AgoraCertificate,
            ["Redis:Configuration"] = "127.0.0.1:6379,noSuchOption=1",
        });

        Assert.Contains("Redis:Configuration is not a valid", failure.Message, StringComparison.Ordinal);
    }
}
