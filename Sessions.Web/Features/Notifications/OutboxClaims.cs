using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Leases on outbox rows, so several instances can share one outbox: each row is worked on by one instance at a time,
/// rows of one key go out in order, and a crashed instance's rows come free when its lease lapses. Every statement is
/// a plain conditional UPDATE that EF Core writes the same way for SQLite and PostgreSQL.
/// </summary>
public static class OutboxClaims
{
    /// <summary>
    /// Retires pending rows that a newer row of the same key makes stale. A row someone holds is left alone: it may be
    /// on the wire already, and the newer row waits behind it instead (see <see cref="ClaimAsync"/>).
    /// </summary>
    public static Task<int> SupersedeAsync(SessionsDbContext db, string instanceId, IReadOnlyCollection<string> types, DateTime now,
        CancellationToken ct) =>
        db.Outbox
            .Where(m => m.State == OutboxState.Pending && types.Contains(m.Type))
            .Where(IsFreeFor(instanceId, now))
            // Any newer row, whatever its state: under READ COMMITTED an older id can commit after a newer one went out.
            .Where(m => db.Outbox.Any(newer => newer.Type == m.Type && newer.Key == m.Key && newer.Id > m.Id))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutboxState.Superseded)
                .SetProperty(m => m.DoneUtc, now)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due rows for <paramref name="instanceId"/> until now + lease, and
    /// answers the rows it now holds, oldest first. Only the oldest pending row of a key is claimable, so a key never
    /// has two rows in flight, nor a newer one overtaking an older one that another instance holds. Only rows of
    /// <paramref name="types"/> (those this instance has handlers for) are touched, so during a rolling upgrade an
    /// older instance leaves a newer type's rows to the instances that know it.
    /// </summary>
    public static async Task<List<OutboxMessage>> ClaimAsync(SessionsDbContext db, string instanceId, IReadOnlyCollection<string> types,
        DateTime now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        var until = now + lease;
        var candidates = db.Outbox
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= now && types.Contains(m.Type))
            .Where(IsFreeFor(instanceId, now))
            .Where(IsNextOfItsKey(db))
            .OrderBy(m => m.Id)
            .Take(batchSize)
            .Select(m => m.Id);
        // The outer conditions are checked again on the row itself when the UPDATE takes its lock (PostgreSQL re-reads a
        // row another transaction changed meanwhile; SQLite runs the whole statement alone), so of two instances that
        // chose the same row only the first gets it.
        await db.Outbox
            .Where(m => candidates.Contains(m.Id))
            .Where(m => m.State == OutboxState.Pending)
            .Where(IsFreeFor(instanceId, now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ClaimedBy, instanceId)
                .SetProperty(m => m.ClaimedUntilUtc, until), ct);
        return await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.ClaimedBy == instanceId && m.ClaimedUntilUtc == until)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The oldest pending row of its key: the only one of the key that may go out, or be waited for, so a key's rows
    /// keep their order and a newer one never overtakes an older one another instance holds.
    /// </summary>
    public static Expression<Func<OutboxMessage, bool>> IsNextOfItsKey(SessionsDbContext db) =>
        m => !db.Outbox.Any(older => older.Type == m.Type && older.Key == m.Key && older.State == OutboxState.Pending && older.Id < m.Id);

    /// <summary>
    /// Unclaimed, released, lapsed — or held by this instance itself: its passes never overlap, so a claim of its own
    /// still running is a leftover of a pass that failed before recording.
    /// </summary>
    private static Expression<Func<OutboxMessage, bool>> IsFreeFor(string instanceId, DateTime now) =>
        m => m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now || m.ClaimedBy == instanceId;
}
