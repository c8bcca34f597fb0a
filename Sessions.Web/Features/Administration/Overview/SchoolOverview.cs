using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Administration.Overview;

/// <summary>
/// Today's sessions across the school, for its administrators (the page and the API alike): what is live now, what starts
/// within the hour, and what was missed today, "today" being the asker's own day. Every rule is the session's own
/// (<see cref="Session.IsLive"/>, its start window, <see cref="Session.MissedBy"/>); this class only picks and orders.
/// </summary>
public sealed class SchoolOverview(IDbContextFactory<SessionsDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How far ahead "starting soon" looks.</summary>
    public static readonly TimeSpan SoonWithin = TimeSpan.FromHours(1);

    /// <summary>The most sessions a list carries; its count is of them all.</summary>
    public const int MaxListed = 100;

    public async Task<SchoolDay> TodayAsync(UserTime userTime, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        var (dayStart, dayEnd) = userTime.DayAround(now);
        var soonBy = now.Add(SoonWithin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = db.Sessions.AsNoTracking();
        var row = OverviewSession.Projection(db.Attendance);

        // Live whenever it started (a session begun before midnight is live now all the same).
        var live = await ListAsync(sessions.Where(Session.IsLive), s => s.ActualStartUtc, row, ct);
        // Due within the hour, or due already and still startable (its window has not closed): late, not missed yet.
        var scheduled = sessions.Where(s => s.Status == SessionStatus.Scheduled);
        var soon = await ListAsync(scheduled.Where(Session.StartWindowNotClosedAt(now)).Where(s => s.ScheduledStartUtc < soonBy),
            s => s.ScheduledStartUtc, row, ct);
        // Today's sessions are those booked to start today; every read of them below seeks the (status, start) index.
        var today = sessions.Where(s => s.ScheduledStartUtc >= dayStart && s.ScheduledStartUtc < dayEnd);
        var missed = await ListAsync(today.Where(Session.MissedBy(now)), s => s.ScheduledStartUtc, row, ct);
        var laterToday = await today.Where(s => s.Status == SessionStatus.Scheduled && s.ScheduledStartUtc >= soonBy).CountAsync(ct);
        var doneToday = await today.Where(s => s.Status == SessionStatus.Completed).CountAsync(ct);
        return new SchoolDay(now, dayStart, dayEnd, live, soon, missed, laterToday, doneToday);
    }

    private static async Task<OverviewList> ListAsync<TKey>(IQueryable<Session> matching, Expression<Func<Session, TKey>> order,
        Expression<Func<Session, OverviewSession>> row, CancellationToken ct)
    {
        var listed = await matching.OrderBy(order).ThenBy(s => s.Id).Take(MaxListed).Select(row).ToListAsync(ct);
        var count = listed.Count < MaxListed ? listed.Count : await matching.CountAsync(ct);
        return new OverviewList(count, listed);
    }
}
