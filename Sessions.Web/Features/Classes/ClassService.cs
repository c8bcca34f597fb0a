using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

public sealed class ClassService(IDbContextFactory<SessionsDbContext> dbFactory, TimeProvider time)
{
    private const int UpcomingLimit = 20;

    /// <summary>The class with its sessions, for its members: the API's class read.</summary>
    public async Task<Result<ClassOverview>> GetOverviewAsync(SessionActor actor, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefusalAsync(db, actor, classId, ct) is { } refusal)
        {
            return refusal;
        }
        var coEducators = await ClassEducators.OfClassesAsync(db, [classId], ct);
        return new ClassOverview(await ReadClassAsync(db, classId, ct), await ReadSessionsAsync(db, classId, ct), [.. coEducators[classId]]);
    }

    /// <summary>The class itself (name, educator, enrolment), for its members: a class page's heading.</summary>
    public async Task<Result<ClassSummary>> GetClassAsync(SessionActor actor, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RefusalAsync(db, actor, classId, ct) is { } refusal ? refusal : await ReadClassAsync(db, classId, ct);
    }

    /// <summary>The class's live and coming sessions, for its members: what a class page keeps current.</summary>
    public async Task<Result<ClassSessions>> GetSessionsAsync(SessionActor actor, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RefusalAsync(db, actor, classId, ct) is { } refusal ? refusal : await ReadSessionsAsync(db, classId, ct);
    }

    /// <summary>Why the caller may not read the class, or null if they may (a member: see <see cref="ClassMembership"/>).</summary>
    private static async Task<ServiceError?> RefusalAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        if (await ClassMembership.IsMemberAsync(db, actor, classId, ct))
        {
            return null;
        }
        return await db.Classes.AnyAsync(c => c.Id == classId, ct) ? ClassErrors.NotMember : ClassErrors.NotFound;
    }

    private static Task<ClassSummary> ReadClassAsync(SessionsDbContext db, int classId, CancellationToken ct) =>
        db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(ClassSummary.Projection).SingleAsync(ct);

    private async Task<ClassSessions> ReadSessionsAsync(SessionsDbContext db, int classId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ClassId == classId)
            .Where(LiveOrComing(now))
            .OrderBy(s => s.ScheduledStartUtc)
            .Take(UpcomingLimit + 1)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);
        var cancelled = await db.Sessions.AsNoTracking()
            .Where(s => s.ClassId == classId && s.Status == SessionStatus.Cancelled && s.CancellationReason != Session.MissedReason)
            .Where(Session.StartWindowNotClosedAt(now))
            .OrderBy(s => s.ScheduledStartUtc)
            .Take(UpcomingLimit)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);
        var live = sessions.Find(s => s.Status.IsLive());
        return new ClassSessions(live, sessions.Where(s => s != live).Take(UpcomingLimit).ToList(), cancelled);
    }

    /// <summary>A session that runs now, or one booked whose end has not passed (its start window may be open already).</summary>
    private static Expression<Func<Session, bool>> LiveOrComing(DateTime now) =>
        Session.IsLive.Or(Predicate.And(s => s.Status == SessionStatus.Scheduled, Session.StartWindowNotClosedAt(now)));

    /// <summary>
    /// The caller's own classes, by name: those they teach (own or co-teach) and those they are enrolled in. Admins may read every class, but
    /// theirs are only the ones they teach. Each comes with its live session and its next scheduled one.
    /// </summary>
    public async Task<OwnClasses> GetOwnClassesAsync(SessionActor actor, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = MineByName(db, actor.UserId);
        var total = await mine.CountAsync(ct);
        var classes = await mine
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(ClassSummary.Projection)
            .ToListAsync(ct);
        var classIds = classes.ConvertAll(c => c.Id);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => classIds.Contains(s.ClassId))
            .Where(LiveOrComing(time.GetUtcNow().UtcDateTime))
            .OrderBy(s => s.ScheduledStartUtc)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);
        var byClass = sessions.ToLookup(s => s.ClassId);
        return new OwnClasses(
            classes.ConvertAll(c => new OwnClass(c,
                byClass[c.Id].FirstOrDefault(s => s.Status.IsLive()),
                byClass[c.Id].FirstOrDefault(s => s.Status == SessionStatus.Scheduled))),
            total);
    }

    public async Task<IReadOnlyList<StudentClass>> GetStudentClassesAsync(string studentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classes = await MineByName(db, studentId).Select(ClassSummary.Projection).ToListAsync(ct);
        var classIds = classes.ConvertAll(c => c.Id);
        var live = await db.Sessions.AsNoTracking()
            .Where(s => classIds.Contains(s.ClassId))
            .Where(Session.IsLive)
            .Select(s => new { s.ClassId, s.Id })
            .ToDictionaryAsync(s => s.ClassId, s => s.Id, ct);
        return classes.ConvertAll(c => new StudentClass(c, live.TryGetValue(c.Id, out var sessionId) ? sessionId : null));
    }

    /// <summary>The classes the educator owns, by name: those they may book sessions in (co-taught ones are not).</summary>
    public async Task<IReadOnlyList<ClassSummary>> GetEducatorClassesAsync(string educatorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MineByName(db, educatorId).Where(c => c.EducatorId == educatorId).Select(ClassSummary.Projection).ToListAsync(ct);
    }

    /// <summary>
    /// The classes a user teaches or is enrolled in, by name: the one query behind the API's list and the two pages (a
    /// student teaches none and an educator is never enrolled; an admin's own classes are never all of them).
    /// </summary>
    private static IQueryable<SchoolClass> MineByName(SessionsDbContext db, string userId) =>
        ClassMembership.VisibleTo(db.Classes.AsNoTracking(), new SessionActor(userId, IsAdmin: false, IsEducator: false))
            .OrderBy(c => c.Name)
            .ThenBy(c => c.Id);
}
