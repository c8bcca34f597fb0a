using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>The chat's settings are checked at start: the attachment folder must be named and never lie where static files are served from.</summary>
public sealed class ChatOptionsStartupTests
{
    [Theory]
    [InlineData("", "Chat:StorageRoot must name a folder")]
    [InlineData("wwwroot/attachments", "must lie outside the web root")]
    [InlineData("wwwroot", "must lie outside the web root")]
    public void The_app_refuses_to_start_with_attachments_it_could_not_keep_private(string storageRoot, string expected)
    {
        var failure = StartupFailures.Of("Development", new Dictionary<string, string?> { ["Chat:StorageRoot"] = storageRoot });

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_refuses_to_start_with_an_unreasonable_thumbnail_size()
    {
        var failure = StartupFailures.Of("Development", new Dictionary<string, string?> { ["Chat:ThumbnailSize"] = "5000" });

        Assert.Contains("Chat:ThumbnailSize must be between 64 and 1024", failure.Message, StringComparison.Ordinal);
    }
}
