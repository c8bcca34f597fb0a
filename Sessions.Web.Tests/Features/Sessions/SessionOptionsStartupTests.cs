using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

/// <summary>A booking horizon that makes no sense stops the app at start, naming the setting, rather than refusing every booking.</summary>
public sealed class SessionOptionsStartupTests
{
    [Theory]
    [InlineData("Sessions:HorizonFutureDays", "0", "Sessions:HorizonFutureDays must be between 1 and 3660")]
    [InlineData("Sessions:HorizonPastDays", "-1", "Sessions:HorizonPastDays must be between 0 and 30")]
    [InlineData("Sessions:HorizonFutureDays", "7", "Sessions:HorizonFutureDays must reach beyond Sessions:MinLeadMinutes")]
    public void The_app_refuses_to_start_with_a_horizon_that_leaves_nothing_to_book(string key, string value, string expected)
    {
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = SessionsAppFactory.AgoraAppId,
            ["Agora:AppCertificate"] = SessionsAppFactory.AgoraCertificate,
            ["Sessions:MinLeadMinutes"] = "10080",
            [key] = value,
        });

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
