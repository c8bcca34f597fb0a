using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// Who belongs to which class: the one rule behind class pages, session reads and live groups. Two rules of who acts:
/// <list type="bullet">
/// <item><b>Teaches</b> (<see cref="TaughtBy(string)"/>, <see cref="Teaching"/>, <c>TeachesAsync</c>):
/// an admin, the class's owning educator or one of its co-educators. They start, end and moderate its sessions, read its
/// attendance, manage its roster (<see cref="TaughtClassAsync"/>) and hear its live events.</item>
/// <item><b>Owns</b> (<see cref="OwnedClassAsync"/>, <see cref="SessionActor.CanActFor"/>): an admin or the owner only.
/// They book, edit and cancel sessions and change the class's settings.</item>
/// </list>
/// A session stays the owner's: its Firestore notifier document is keyed by <see cref="Session.EducatorId"/>, and "one
/// live session per educator" counts the owner's sessions, whoever of the class's educators starts one.
/// </summary>
public sealed class ClassMembership(IDbContextFactory<SessionsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string>> LiveGroupsOfAsync(SessionActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classIds = await db.Enrollments.Where(e => e.StudentId == actor.UserId).Select(e => e.ClassId).ToListAsync(ct);
        var groups = classIds.ConvertAll(LiveGroups.ForClass);
        if (actor.IsEducator)
        {
            // Co-taught classes: their events are sent to the class group (the owner's own group covers the owned ones).
            var coTaught = await db.ClassCoEducators.Where(c => c.EducatorId == actor.UserId).Select(c => c.ClassId).ToListAsync(ct);
            groups.AddRange(coTaught.ConvertAll(LiveGroups.ForClass));
            groups.Add(LiveGroups.ForEducator(actor.UserId));
        }
        return groups;
    }

    /// <summary>Whether the caller may run the session (see the static overload), for pages that ask on their own.</summary>
    public async Task<bool> TeachesAsync(SessionActor actor, SessionSummary session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TeachesAsync(db, actor, session, ct);
    }

    /// <summary>The class's co-educators' ids (its owner is <see cref="SchoolClass.EducatorId"/>).</summary>
    public static IQueryable<string> CoEducatorIds(SessionsDbContext db, int classId) =>
        db.ClassCoEducators.Where(c => c.ClassId == classId).Select(c => c.EducatorId);

    /// <summary>The classes <paramref name="userId"/> teaches: owns or co-teaches (admins are not in it: see <see cref="Teaching"/>).</summary>
    public static Expression<Func<SchoolClass, bool>> TaughtBy(string userId) =>
        c => c.EducatorId == userId || c.CoEducators.Any(e => e.EducatorId == userId);

    /// <summary>The classes the caller teaches: every class for an admin.</summary>
    public static IQueryable<SchoolClass> Teaching(IQueryable<SchoolClass> classes, SessionActor actor) =>
        actor.IsAdmin ? classes : classes.Where(TaughtBy(actor.UserId));

    public static Task<bool> TeachesAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct) =>
        Teaching(db.Classes, actor).AnyAsync(c => c.Id == classId, ct);

    /// <summary>
    /// Whether the caller may run the session (start, end, moderate, read its attendance): they teach its class, or they
    /// are the educator who booked it (a class handed to another owner leaves its sessions with the one who booked them).
    /// </summary>
    public static async Task<bool> TeachesAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, CancellationToken ct) =>
        actor.CanActFor(session.EducatorId) || await TeachesAsync(db, actor, session.ClassId, ct);

    /// <summary>The class, if the caller may act for its owner (its owner, or an admin): co-educators are refused.</summary>
    public static async Task<Result<ClassSummary>> OwnedClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        var owned = await FindAsync(db, classId, ct);
        if (owned is null)
        {
            return ClassErrors.NotFound;
        }
        return actor.CanActFor(owned.EducatorId) ? owned : ClassErrors.NotOwner;
    }

    /// <summary>The class, if the caller teaches it (its owner, a co-educator, or an admin): who may manage its roster.</summary>
    public static async Task<Result<ClassSummary>> TaughtClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        var taught = await FindAsync(db, classId, ct);
        if (taught is null)
        {
            return ClassErrors.NotFound;
        }
        return await TeachesAsync(db, actor, classId, ct) ? taught : ClassErrors.NotOwner;
    }

    private static Task<ClassSummary?> FindAsync(SessionsDbContext db, int classId, CancellationToken ct) =>
        db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(ClassSummary.Projection).SingleOrDefaultAsync(ct);

    public static Task<bool> IsMemberAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct) =>
        VisibleTo(db.Classes, actor).AnyAsync(c => c.Id == classId, ct);

    /// <summary>Members may read a class and its sessions: those who teach it (admins included) and its students.</summary>
    public static IQueryable<SchoolClass> VisibleTo(IQueryable<SchoolClass> classes, SessionActor actor) =>
        actor.IsAdmin
            ? classes
            : classes.Where(TaughtBy(actor.UserId).Or(c => c.Enrollments.Any(e => e.StudentId == actor.UserId)));
}
