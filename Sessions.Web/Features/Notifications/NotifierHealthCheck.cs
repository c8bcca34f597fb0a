using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Notifications;

/// <summary>Off, healthy, or degraded with the backlog and the age of the oldest undelivered row.</summary>
public sealed class NotifierHealthCheck(
    IDbContextFactory<SessionsDbContext> dbFactory,
    IOptions<FirestoreOptions> firestore,
    IOptions<OutboxOptions> options,
    TimeProvider time) : IHealthCheck
{
    public const string Name = "firestore-notifier";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!firestore.Value.IsOn)
        {
            return HealthCheckResult.Healthy("The Firestore notifier is off.", new Dictionary<string, object> { ["state"] = "off" });
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var backlog = await db.Outbox.CountAsync(m => m.State == OutboxState.Pending, cancellationToken);
        var failed = await db.Outbox.CountAsync(m => m.State == OutboxState.Failed, cancellationToken);
        var oldest = await db.Outbox.Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.Id).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } createdUtc ? time.GetUtcNow().UtcDateTime - createdUtc : TimeSpan.Zero;
        var degraded = age > options.Value.DegradedAfter || failed > 0;
        var data = new Dictionary<string, object>
        {
            ["state"] = degraded ? "degraded" : "healthy",
            ["backlog"] = backlog,
            ["oldestUndeliveredAgeSeconds"] = Math.Round(age.TotalSeconds, 1),
            ["failed"] = failed,
        };
        return degraded
            ? HealthCheckResult.Degraded($"{backlog} notifications waiting, the oldest for {age.TotalSeconds:0} s; {failed} refused by Firestore.", data: data)
            : HealthCheckResult.Healthy($"{backlog} notifications waiting.", data);
    }
}
