using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>Reads of sessions for the pages and the API; only members of a session's class may read it.</summary>
public sealed class SessionQueries(IDbContextFactory<SessionsDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// The educator's dashboard: whatever is live, and everything scheduled to start from <paramref name="fromUtc"/> on, in
    /// the classes they teach (owned or co-taught) and those they booked.
    /// </summary>
    public async Task<IReadOnlyList<SessionSummary>> ForEducatorDashboardAsync(string educatorId, DateTime fromUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taught = db.Classes.Where(ClassMembership.TaughtBy(educatorId)).Select(c => c.Id);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.EducatorId == educatorId || taught.Contains(s.ClassId))
            .Where(Session.IsLive.Or(s => s.ScheduledStartUtc >= fromUtc))
            .OrderBy(s => s.ScheduledStartUtc)
            .Take(MaxPageSize)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);
    }

    public async Task<Result<SessionSummary>> GetAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadableAsync(db, actor, sessionId, ct);
    }

    /// <summary>The session, if the caller is a member of its class.</summary>
    internal static async Task<Result<SessionSummary>> ReadableAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        return await ClassMembership.IsMemberAsync(db, actor, session.ClassId, ct) ? session : SessionErrors.NotMember;
    }

    /// <summary>The session, if the caller may act for its educator (its owner, or an admin): booking, editing and cancelling.</summary>
    internal static async Task<Result<SessionSummary>> OwnedAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        return actor.CanActFor(session.EducatorId) ? session : SessionErrors.NotOwner;
    }

    /// <summary>
    /// The session, if the caller may run it: start, end, moderate, read its attendance (they teach its class: see
    /// <see cref="ClassMembership.TeachesAsync(SessionsDbContext, SessionActor, SessionSummary, CancellationToken)"/>).
    /// </summary>
    internal static async Task<Result<SessionSummary>> TaughtAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        return await ClassMembership.TeachesAsync(db, actor, session, ct) ? session : SessionErrors.NotOwner;
    }

    /// <summary>
    /// The caller's sessions (taught classes, owned or co-taught, for educators; enrolled classes for students) that match the filter, newest
    /// scheduled start first, one page of them with the count of all.
    /// </summary>
    public async Task<SessionPage> ListAsync(SessionActor actor, SessionFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classIds = ClassMembership.VisibleTo(db.Classes, actor with { IsAdmin = false }).Select(c => c.Id);
        var matching = db.Sessions.AsNoTracking().Where(s => classIds.Contains(s.ClassId));
        if (filter.Statuses.Count > 0)
        {
            matching = matching.Where(Session.StatusIn(filter.Statuses));
        }
        if (filter.FromUtc is { } fromUtc)
        {
            matching = matching.Where(s => s.ScheduledStartUtc >= fromUtc);
        }
        if (filter.ToUtc is { } toUtc)
        {
            matching = matching.Where(s => s.ScheduledStartUtc < toUtc);
        }
        var total = await matching.CountAsync(ct);
        var items = await matching
            .OrderByDescending(s => s.ScheduledStartUtc)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);
        return new SessionPage(items, total);
    }
}

/// <summary>Which sessions a list shows: any of <see cref="Statuses"/> (all when empty), scheduled to start in [from, to).</summary>
public sealed record SessionFilter(IReadOnlyList<SessionStatus> Statuses, DateTime? FromUtc, DateTime? ToUtc)
{
    public static readonly SessionFilter All = new([], null, null);
}

public sealed record SessionPage(IReadOnlyList<SessionSummary> Items, int TotalCount);
