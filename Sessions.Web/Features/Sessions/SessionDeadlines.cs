using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// The transitions time makes: a scheduled session whose start window closed unstarted is cancelled as <c>missed</c>; a
/// live one whose booked duration ran out begins its wrap-up; a wrap-up that ran out completes. What is due is read from
/// the database each time, so nothing is lost across a restart, and each transition is stamped with the moment it was
/// due, not the moment it was noticed.
/// </summary>
public sealed class SessionDeadlines(IDbContextFactory<SessionsDbContext> dbFactory, SessionTransitions transitions, TimeProvider time)
{
    private const int Batch = 100;

    /// <summary>Makes every transition that is due now; answers how many it made.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Wrap-ups before completions: after a long outage a session goes through both in one pass.
        return await DrainAsync(db, Session.UnstartedWhenWindowClosedBy(now), s => transitions.CancelAsync(db, s, actorId: null, Session.MissedReason, s.ScheduledEndUtc, ct), ct)
            + await DrainAsync(db, BookedTimeOverBy(now), s => transitions.BeginWrapUpAsync(db, s, s.BookedEndUtc, ct), ct)
            + await DrainAsync(db, WrapUpOverBy(now), s => transitions.CompleteAsync(db, s, actorId: null, s.WrapUpEndsUtc!.Value, ct, wrapUpOnly: true), ct);
    }

    private static Expression<Func<Session, bool>> BookedTimeOverBy(DateTime now) =>
        s => s.Status == SessionStatus.InProgress && s.ActualStartUtc!.Value.AddMinutes(s.DurationMinutes) <= now;

    private static Expression<Func<Session, bool>> WrapUpOverBy(DateTime now) =>
        s => s.Status == SessionStatus.EndRequestPending && s.WrapUpEndsUtc <= now;

    /// <summary>Transitions what is due, a batch at a time; a row another caller moved first is no longer due.</summary>
    private static async Task<int> DrainAsync(SessionsDbContext db, Expression<Func<Session, bool>> due,
        Func<SessionSummary, Task<bool>> transition, CancellationToken ct)
    {
        var made = 0;
        int madeInBatch;
        List<SessionSummary> batch;
        do
        {
            batch = await db.Sessions.AsNoTracking().Where(due).OrderBy(s => s.ScheduledStartUtc).Take(Batch)
                .Select(SessionSummary.Projection).ToListAsync(ct);
            madeInBatch = 0;
            foreach (var session in batch)
            {
                madeInBatch += await transition(session) ? 1 : 0;
            }
            made += madeInBatch;
        }
        while (batch.Count == Batch && madeInBatch > 0);
        return made;
    }
}
