using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>Each delivery to Google's Firestore emulator is one activity, tagged with its session, and one count.</summary>
[Collection(NotifierFixtureGroup.Name)]
public sealed class OutboxTelemetryTests(NotifierFixture notifier)
{
    [Fact]
    public async Task A_delivered_start_records_one_delivery_activity_and_counts_it()
    {
        var app = notifier.App;
        var educator = await app.Data.EducatorAsync();
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, await app.Data.StudentAsync()));
        using var client = await app.Data.ClientForAsync(educator);
        using var probe = new TelemetryProbe(app);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        // The row is marked delivered after the delivery's activity has ended and its count was taken.
        await Eventually.MatchesAsync(async () =>
        {
            await using var db = await app.Data.DbAsync();
            return await db.Outbox.AnyAsync(m => m.Key == educator.Id && m.State == OutboxState.Delivered);
        }, delivered => delivered, "the start's outbox row to be delivered", TimeSpan.FromSeconds(30));
        Assert.Single(probe.Activities("outbox deliver", session.Id));
        Assert.True(probe.Count("sessions.outbox.delivered") >= 1);
    }
}
