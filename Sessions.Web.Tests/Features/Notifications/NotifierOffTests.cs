using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>With nothing configured the notifier is off and the portal works as before.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class NotifierOffTests(SessionsAppFactory app)
{
    [Fact]
    public async Task Sessions_start_and_end_with_no_outbox_rows_and_the_health_page_says_off()
    {
        var educator = await app.Data.EducatorAsync();
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, await app.Data.StudentAsync()));
        using var client = await app.Data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        await using var db = await app.Data.DbAsync();
        Assert.False(await db.Outbox.AnyAsync());
        var health = await (await client.GetAsync("/health")).ShouldBeOkAsync();
        var notifier = health.GetProperty("checks").GetProperty(NotifierHealthCheck.Name);
        Assert.Equal("off", notifier.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }
}
