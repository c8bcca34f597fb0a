using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Audit;

/// <summary>Appends to the audit trail inside the caller's transaction, and reads it back a page at a time.</summary>
public sealed class AuditTrail(IDbContextFactory<SessionsDbContext> dbFactory, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the entry to <paramref name="db"/>; it is stored by the save that stores the change, or not at all.</summary>
    public void Record(SessionsDbContext db, string? actorId, string action, string targetId, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = actorId,
            Action = action,
            TargetId = targetId,
            AtUtc = time.StoredUtcNow(),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    /// <summary>Newest first.</summary>
    public async Task<AuditPage> ReadAsync(PageRequest paging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.AuditEntries.CountAsync(ct);
        var items = await (
                from e in db.AuditEntries.AsNoTracking()
                join u in db.Users on e.ActorId equals u.Id into actors
                from actor in actors.DefaultIfEmpty()
                orderby e.AtUtc descending, e.Id descending
                select new AuditRecord(e.Id, e.ActorId, actor == null ? null : actor.DisplayName, e.Action, e.TargetId, e.AtUtc, e.Before, e.After))
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(ct);
        return new AuditPage(items, total);
    }
}

/// <summary>An audit entry as it is shown: with the actor's current display name.</summary>
public sealed record AuditRecord(
    long Id, string? ActorId, string? ActorName, string Action, string TargetId, DateTime AtUtc, string? Before, string? After);

public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, int TotalCount);
