using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// Who is enrolled in a class, changed by its educator or an admin. Each change reaches the student's open connections
/// and pages at once: they start or stop hearing the class's sessions without reconnecting.
/// </summary>
public sealed partial class ClassRoster(IDbContextFactory<SessionsDbContext> dbFactory, LiveBroadcaster live, ILogger<ClassRoster> logger)
{
    /// <summary>Enrols the student; enrolling them again changes nothing.</summary>
    public async Task<Result<bool>> EnrollAsync(SessionActor actor, int classId, string studentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefusalAsync(db, actor, classId, studentId, ct) is { } refused)
        {
            return refused;
        }
        if (await db.Enrollments.AnyAsync(e => e.ClassId == classId && e.StudentId == studentId, ct))
        {
            return false;
        }
        db.Enrollments.Add(new Enrollment { ClassId = classId, StudentId = studentId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false; // a parallel request enrolled them first
        }
        LogChanged(logger, studentId, classId, true, actor.UserId);
        await live.MembershipChangedAsync(studentId, classId, enrolled: true, ct);
        return true;
    }

    /// <summary>Removes the student from the class; removing someone not enrolled changes nothing.</summary>
    public async Task<Result<bool>> UnenrollAsync(SessionActor actor, int classId, string studentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        if (await db.Enrollments.Where(e => e.ClassId == classId && e.StudentId == studentId).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }
        LogChanged(logger, studentId, classId, false, actor.UserId);
        await live.MembershipChangedAsync(studentId, classId, enrolled: false, ct);
        return true;
    }

    private static async Task<ServiceError?> RefusalAsync(SessionsDbContext db, SessionActor actor, int classId, string studentId, CancellationToken ct)
    {
        var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        var roles = await db.UserRoles.Where(r => r.UserId == studentId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name)
            .ToListAsync(ct);
        if (roles.Count == 0 && !await db.Users.AnyAsync(u => u.Id == studentId, ct))
        {
            return ClassErrors.StudentNotFound;
        }
        return roles.Contains(AppRoles.Student) ? null : ClassErrors.NotAStudent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Student {StudentId} enrolled in class {ClassId}: {Enrolled}, by {ActorId}")]
    private static partial void LogChanged(ILogger logger, string studentId, int classId, bool enrolled, string actorId);
}
