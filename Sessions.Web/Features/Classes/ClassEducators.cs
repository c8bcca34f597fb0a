using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// A class's co-educators, changed by its owner or an admin: active educators who teach the class beside its owner (see
/// <see cref="ClassMembership"/> for what that lets them do). Each change and its audit entry commit together; once
/// committed, the co-educator's open connections and pages start or stop hearing the class, as a roster change moves a
/// student's (<see cref="LiveBroadcaster.MembershipChangedAsync"/>).
/// </summary>
public sealed partial class ClassEducators(
    IDbContextFactory<SessionsDbContext> dbFactory, AuditTrail audit, LiveBroadcaster live, ILogger<ClassEducators> logger)
{
    public const string UserIdField = "userId";
    private static readonly string EducatorRoleId = AppRoles.IdOf(AppRoles.Educator);

    /// <summary>Adds the co-educator; adding one again changes nothing (<see cref="CoEducatorChange.Changed"/> is false).</summary>
    public async Task<Result<CoEducatorChange>> AddAsync(SessionActor actor, int classId, string? userId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        AccountIds.Check(errors, UserIdField, userId, FieldMessage.Of("co_educator_required", "The co-educator is required."), NotAnEducator);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await ResilientTransaction.ExecuteAsync<Result<CoEducatorChange>>(db, async () =>
            {
                db.ChangeTracker.Clear();
                // Co-educators do not choose their peers: the owner or an admin.
                var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
                if (owned.Error is { } refused)
                {
                    return refused;
                }
                if (await db.Classes.AnyAsync(c => c.Id == classId && c.ArchivedUtc != null, ct))
                {
                    return ClassErrors.Archived;
                }
                if (await CandidateRefusalAsync(db, owned.Value!.EducatorId, userId!, ct) is { } notCandidate)
                {
                    return notCandidate;
                }
                var before = await IdsOfAsync(db, classId, ct);
                if (before.Contains(userId!))
                {
                    return new CoEducatorChange(await ReadAsync(db, classId, ct), Changed: false);
                }
                db.ClassCoEducators.Add(new ClassCoEducator { ClassId = classId, EducatorId = userId! });
                await db.SaveChangesAsync(ct);
                audit.Record(db, actor.UserId, AuditActions.ClassCoEducatorAdded, ClassAdministration.Target(classId), before,
                    before.Append(userId!).ToList());
                return new CoEducatorChange(await ReadAsync(db, classId, ct), Changed: true);
            }, keep: Changed, afterCommit: () => MovedAsync(actor, classId, userId!, added: true, ct), ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A parallel request added them first.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return new CoEducatorChange(await ReadAsync(fresh, classId, ct), Changed: false);
        }
    }

    /// <summary>Removes the co-educator; removing someone who is not one changes nothing. An archived class may lose them too.</summary>
    public async Task<Result<CoEducatorChange>> RemoveAsync(SessionActor actor, int classId, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ResilientTransaction.ExecuteAsync<Result<CoEducatorChange>>(db, async () =>
        {
            db.ChangeTracker.Clear();
            var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
            if (owned.Error is { } refused)
            {
                return refused;
            }
            var before = await IdsOfAsync(db, classId, ct);
            if (!before.Contains(userId))
            {
                // Also where the id could never be one (too long, control characters): it is never sent to the database.
                return new CoEducatorChange(await ReadAsync(db, classId, ct), Changed: false);
            }
            await db.ClassCoEducators.Where(c => c.ClassId == classId && c.EducatorId == userId).ExecuteDeleteAsync(ct);
            audit.Record(db, actor.UserId, AuditActions.ClassCoEducatorRemoved, ClassAdministration.Target(classId), before,
                before.Where(id => id != userId).ToList());
            return new CoEducatorChange(await ReadAsync(db, classId, ct), Changed: true);
        }, keep: Changed, afterCommit: () => MovedAsync(actor, classId, userId, added: false, ct), ct);
    }

    /// <summary>The co-educators of each class, by name: one query for a page of classes.</summary>
    public static async Task<ILookup<int, SessionHostDto>> OfClassesAsync(SessionsDbContext db, IReadOnlyCollection<int> classIds, CancellationToken ct) =>
        (await db.ClassCoEducators.AsNoTracking()
            .Where(c => classIds.Contains(c.ClassId))
            .OrderBy(c => c.Educator!.DisplayName).ThenBy(c => c.EducatorId)
            .Select(c => new { c.ClassId, c.EducatorId, c.Educator!.DisplayName })
            .ToListAsync(ct))
        .ToLookup(c => c.ClassId, c => new SessionHostDto(c.EducatorId, c.DisplayName));

    private static readonly FieldMessage NotAnEducator = FieldMessage.Of("co_educator_unknown", "There is no active educator account with this id.");

    private static bool Changed(Result<CoEducatorChange> outcome) => outcome.Error is null && outcome.Value!.Changed;

    /// <summary>404 for an unknown account; a field error unless it is an active educator other than the class's owner.</summary>
    private static async Task<ServiceError?> CandidateRefusalAsync(SessionsDbContext db, string ownerId, string userId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { Active = u.LockoutEnd == null, IsEducator = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == EducatorRoleId) })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return ClassErrors.StudentNotFound;
        }
        if (!user.Active || !user.IsEducator)
        {
            return new FieldErrors().Add(UserIdField, NotAnEducator).ToError();
        }
        return userId == ownerId
            ? new FieldErrors().Add(UserIdField, "The class's owner teaches it already: a co-educator is another educator.").ToError()
            : null;
    }

    private static Task<List<string>> IdsOfAsync(SessionsDbContext db, int classId, CancellationToken ct) =>
        ClassMembership.CoEducatorIds(db, classId).Order().ToListAsync(ct);

    private static async Task<ClassEducatorsDto> ReadAsync(SessionsDbContext db, int classId, CancellationToken ct)
    {
        var owner = await db.Classes.AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new SessionHostDto(c.EducatorId, c.Educator!.DisplayName)).SingleAsync(ct);
        return new ClassEducatorsDto(classId, owner, [.. (await OfClassesAsync(db, [classId], ct))[classId]]);
    }

    private async Task MovedAsync(SessionActor actor, int classId, string userId, bool added, CancellationToken ct)
    {
        LogChanged(logger, userId, classId, added, actor.UserId);
        await live.MembershipChangedAsync(userId, classId, added, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Co-educator {UserId} of class {ClassId}: {Added}, by {ActorId}")]
    private static partial void LogChanged(ILogger logger, string userId, int classId, bool added, string actorId);
}
