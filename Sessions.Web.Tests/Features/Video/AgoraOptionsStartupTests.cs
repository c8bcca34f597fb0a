using Sessions.Web.Tests.Infrastructure;

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
        var failure = StartupFailure.Of("Production", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = appId ?? "",
            ["Agora:AppCertificate"] = certificate ?? "",
        });

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
