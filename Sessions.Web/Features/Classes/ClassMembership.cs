using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>Who belongs to which class: the one rule behind class pages, session reads and live groups.</summary>
public sealed class ClassMembership(IDbContextFactory<SessionsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string>> LiveGroupsOfAsync(SessionActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classIds = await db.Enrollments.Where(e => e.StudentId == actor.UserId).Select(e => e.ClassId).ToListAsync(ct);
        var groups = classIds.ConvertAll(LiveGroups.ForClass);
        if (actor.IsEducator)
        {
            groups.Add(LiveGroups.ForEducator(actor.UserId));
        }
        return groups;
    }

    /// <summary>The class, if the caller may act for its educator (its owner, or an admin).</summary>
    public static async Task<Result<ClassSummary>> OwnedClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        var owned = await db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(ClassSummary.Projection).SingleOrDefaultAsync(ct);
        if (owned is null)
        {
            return ClassErrors.NotFound;
        }
        return actor.CanActFor(owned.EducatorId) ? owned : ClassErrors.NotOwner;
    }

    public static Task<bool> IsMemberAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct) =>
        VisibleTo(db.Classes, actor).AnyAsync(c => c.Id == classId, ct);

    /// <summary>Members may read a class and its sessions: its educator, its students, and admins.</summary>
    public static IQueryable<SchoolClass> VisibleTo(IQueryable<SchoolClass> classes, SessionActor actor) =>
        actor.IsAdmin
            ? classes
            : classes.Where(c => c.EducatorId == actor.UserId || c.Enrollments.Any(e => e.StudentId == actor.UserId));
}
