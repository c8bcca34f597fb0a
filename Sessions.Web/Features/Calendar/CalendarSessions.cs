using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Calendar;

/// <summary>The sessions a user's calendar shows: those of the classes they attend or teach (an admin's own classes only).</summary>
public sealed class CalendarSessions(IDbContextFactory<SessionsDbContext> dbFactory)
{
    /// <summary>How far back and ahead the feed reaches: enough for last month's and the coming term's sessions.</summary>
    public static readonly TimeSpan FeedPast = TimeSpan.FromDays(30);
    public static readonly TimeSpan FeedAhead = TimeSpan.FromDays(180);

    /// <summary>The user's sessions starting in [fromUtc, toUtc), cancelled ones included, by start.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> ForUserAsync(string userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Not as an admin: a calendar of every class in the school would be of no use to anyone.
        var actor = new SessionActor(userId, IsAdmin: false, IsEducator: false);
        var classIds = ClassMembership.VisibleTo(db.Classes, actor).Select(c => c.Id);
        var sessions = db.Sessions.Where(s => classIds.Contains(s.ClassId) && s.ScheduledStartUtc >= fromUtc && s.ScheduledStartUtc < toUtc);
        return await ReadAsync(db, sessions, ct);
    }

    /// <summary>One session for a member of its class (<see cref="SessionErrors.NotMember"/> otherwise).</summary>
    public async Task<Result<CalendarEntry>> OneAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.ClassId).SingleOrDefaultAsync(ct);
        if (classId is null)
        {
            return SessionErrors.NotFound;
        }
        if (!await ClassMembership.IsMemberAsync(db, actor, classId.Value, ct))
        {
            return SessionErrors.NotMember;
        }
        return (await ReadAsync(db, db.Sessions.Where(s => s.Id == sessionId), ct)).Single();
    }

    private static async Task<IReadOnlyList<CalendarEntry>> ReadAsync(SessionsDbContext db, IQueryable<Session> sessions, CancellationToken ct)
    {
        var rows = await sessions.AsNoTracking().OrderBy(s => s.ScheduledStartUtc).Select(s => new
        {
            s.Id, s.ClassId, ClassName = s.Class!.Name, EducatorName = s.Educator!.DisplayName, s.Educator.TimeZoneId,
            s.Title, s.Description, s.Status, s.ScheduledStartUtc, s.DurationMinutes, s.CreatedUtc,
        }).ToListAsync(ct);
        var ids = rows.ConvertAll(r => r.Id);
        var changes = (await db.ActivityEntries.AsNoTracking()
                .Where(a => ids.Contains(a.SessionId) && (a.Kind == ActivityKinds.SessionUpdated || a.Kind == ActivityKinds.SessionCancelled))
                .Select(a => new { a.SessionId, a.AtUtc })
                .ToListAsync(ct))
            .ToLookup(a => a.SessionId, a => a.AtUtc);
        return rows.ConvertAll(r => new CalendarEntry(r.Id, r.ClassId, r.ClassName, r.EducatorName, r.TimeZoneId, r.Title, r.Description,
            r.Status, r.ScheduledStartUtc, r.DurationMinutes, changes[r.Id].Count(),
            changes[r.Id].DefaultIfEmpty(r.CreatedUtc).Max()));
    }
}
