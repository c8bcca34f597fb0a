using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// Who is enrolled in a class, read and changed by its educator or an admin. Each change is recorded in the audit trail
/// with it, and reaches the student's open connections and pages at once: they start or stop hearing the class's sessions
/// without reconnecting, and their class list follows.
/// </summary>
public sealed partial class ClassRoster(
    IDbContextFactory<SessionsDbContext> dbFactory, LiveBroadcaster live, AuditTrail audit, ILookupNormalizer normalizer, ILogger<ClassRoster> logger)
{
    public const int CandidateLimit = 10;
    private const int MaxAccountIdLength = 450;
    private const int MaxEmailLength = 256;
    private static readonly string StudentRoleId = AppRoles.IdOf(AppRoles.Student);

    /// <summary>The class, if <paramref name="actor"/> may see and change its roster: the one authorization rule of the roster.</summary>
    public static Task<Result<ClassSummary>> ManagedClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct) =>
        ClassMembership.TaughtClassAsync(db, actor, classId, ct);

    /// <summary>The class whose roster <paramref name="actor"/> manages, or why not (for the roster page's header).</summary>
    public async Task<Result<ClassSummary>> GetClassAsync(SessionActor actor, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ManagedClassAsync(db, actor, classId, ct);
    }

    /// <summary>Whether <paramref name="actor"/> may open the class's roster (a link to it is shown); students never may.</summary>
    public async Task<bool> MayManageAsync(SessionActor actor, int classId, CancellationToken ct) =>
        (actor.IsEducator || actor.IsAdmin) && (await GetClassAsync(actor, classId, ct)).Error is null;

    /// <summary>
    /// The enrolled students whose name or email holds <paramref name="search"/>, by display name, a page at a time, each with
    /// their attendance over the class's completed sessions (attended: present at least once in that session's room).
    /// </summary>
    public async Task<Result<RosterPage>> ListAsync(SessionActor actor, int classId, string? search, PageRequest paging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await ManagedClassAsync(db, actor, classId, ct)).Error is { } refused)
        {
            return refused;
        }
        var students = Search(db.Enrollments.Where(e => e.ClassId == classId).Select(e => e.Student!), search);
        var total = await students.CountAsync(ct);
        var rows = await WithAttendance(db, classId, students.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(ct);
        return new RosterPage([.. rows.Select(r => r.ToStudent())], total);
    }

    /// <summary>Active students not in the class whose name or email holds <paramref name="search"/>: the add box's suggestions.</summary>
    public async Task<Result<IReadOnlyList<RosterCandidate>>> CandidatesAsync(SessionActor actor, int classId, string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await ManagedClassAsync(db, actor, classId, ct)).Error is { } refused)
        {
            return refused;
        }
        var found = await Search(db.Users.AsNoTracking(), search)
            .Where(UserAdministration.IsActive)
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == StudentRoleId))
            .Where(u => !db.Enrollments.Any(e => e.ClassId == classId && e.StudentId == u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(CandidateLimit)
            .Select(u => new RosterCandidate(u.Id, u.Email ?? "", u.DisplayName))
            .ToListAsync(ct);
        return found;
    }

    /// <summary>Enrols the student named by id or by email (exactly one): the roster's row for them, and whether they are new to it.</summary>
    public async Task<Result<RosterAddition>> AddAsync(SessionActor actor, int classId, NewRosterStudent request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var byEmail = string.IsNullOrWhiteSpace(request.UserId);
        if (byEmail == string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("userId", "Give exactly one of userId and email.");
        }
        else if (byEmail)
        {
            CheckText(errors, "email", request.Email!.Trim(), MaxEmailLength);
        }
        else
        {
            CheckText(errors, "userId", request.UserId!, MaxAccountIdLength);
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var enrolled = byEmail
            ? await EnrollAsync(actor, classId, FindByEmail(normalizer.NormalizeEmail(request.Email!.Trim())), ClassErrors.EmailNotFound, ct)
            : await EnrollAsync(actor, classId, FindById(request.UserId!), ClassErrors.StudentNotFound, ct);
        if (enrolled.Error is { } refused)
        {
            return refused;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (studentId, isNew) = enrolled.Value!;
        var row = await ListOneAsync(db, classId, studentId, ct);
        return new RosterAddition(row, isNew);
    }

    /// <summary>Enrols the student; enrolling them again changes nothing.</summary>
    public async Task<Result<bool>> EnrollAsync(SessionActor actor, int classId, string studentId, CancellationToken ct)
    {
        var enrolled = await EnrollAsync(actor, classId, FindById(studentId), ClassErrors.StudentNotFound, ct);
        return enrolled.Error is { } refused ? refused : enrolled.Value!.IsNew;
    }

    /// <summary>Removes the student from the class; removing someone not enrolled changes nothing. Their past attendance stays.</summary>
    public async Task<Result<bool>> UnenrollAsync(SessionActor actor, int classId, string studentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await ResilientTransaction.ExecuteAsync<Result<bool>>(db, async () =>
        {
            db.ChangeTracker.Clear();
            if ((await ManagedClassAsync(db, actor, classId, ct)).Error is { } refused)
            {
                return refused;
            }
            if (await db.Enrollments.Where(e => e.ClassId == classId && e.StudentId == studentId).ExecuteDeleteAsync(ct) == 0)
            {
                return false;
            }
            audit.Record(db, actor.UserId, AuditActions.StudentRemoved, Target(classId), new RosterChange(classId, studentId), after: null);
            return true;
        }, keep: outcome => outcome.Value, afterCommit: null, ct);
        if (removed.Value)
        {
            await AnnounceAsync(actor, classId, studentId, enrolled: false, ct);
        }
        return removed;
    }

    private async Task<Result<Enrolment>> EnrollAsync(SessionActor actor, int classId, Func<SessionsDbContext, Task<string?>> findStudent,
        ServiceError notFound, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string? studentId = null;
        try
        {
            var enrolled = await ResilientTransaction.ExecuteAsync<Result<Enrolment>>(db, async () =>
            {
                db.ChangeTracker.Clear();
                var owned = await ManagedClassAsync(db, actor, classId, ct);
                if (owned.Error is { } refused)
                {
                    return refused;
                }
                studentId = await findStudent(db);
                if (studentId is null)
                {
                    return notFound;
                }
                if (!await db.UserRoles.AnyAsync(r => r.UserId == studentId && r.RoleId == StudentRoleId, ct))
                {
                    return ClassErrors.NotAStudent;
                }
                if (await db.Enrollments.AnyAsync(e => e.ClassId == classId && e.StudentId == studentId, ct))
                {
                    return new Enrolment(studentId, IsNew: false);
                }
                if (owned.Value!.Archived)
                {
                    return ClassErrors.ArchivedRoster;
                }
                db.Enrollments.Add(new Enrollment { ClassId = classId, StudentId = studentId });
                audit.Record(db, actor.UserId, AuditActions.StudentEnrolled, Target(classId), before: null, new RosterChange(classId, studentId));
                return new Enrolment(studentId, IsNew: true);
            }, keep: outcome => outcome.Value is { IsNew: true }, afterCommit: null, ct);
            if (enrolled.Value is { IsNew: true })
            {
                await AnnounceAsync(actor, classId, studentId!, enrolled: true, ct);
            }
            return enrolled;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return new Enrolment(studentId!, IsNew: false); // a parallel request enrolled them first
        }
    }

    private async Task AnnounceAsync(SessionActor actor, int classId, string studentId, bool enrolled, CancellationToken ct)
    {
        LogChanged(logger, studentId, classId, enrolled, actor.UserId);
        await live.MembershipChangedAsync(studentId, classId, enrolled, ct);
    }

    private static async Task<RosterStudent> ListOneAsync(SessionsDbContext db, int classId, string studentId, CancellationToken ct) =>
        (await WithAttendance(db, classId, db.Users.AsNoTracking().Where(u => u.Id == studentId)).SingleAsync(ct)).ToStudent();

    /// <summary>Each student with the class's completed sessions and those they were present in: one query with the page.</summary>
    private static IQueryable<RosterRow> WithAttendance(SessionsDbContext db, int classId, IQueryable<AppUser> students)
    {
        var held = db.Sessions.Where(s => s.ClassId == classId && s.Status == SessionStatus.Completed);
        return students.Select(u => new RosterRow(u.Id, u.Email, u.DisplayName, u.LockoutEnd,
            held.Count(), held.Count(s => db.Attendance.Any(a => a.SessionId == s.Id && a.UserId == u.Id))));
    }

    private static Func<SessionsDbContext, Task<string?>> FindById(string userId) =>
        db => db.Users.Where(u => u.Id == userId).Select(u => u.Id).SingleOrDefaultAsync();

    private static Func<SessionsDbContext, Task<string?>> FindByEmail(string normalizedEmail) =>
        db => db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.Id).FirstOrDefaultAsync();

    /// <summary>Accounts whose display name or email holds the text, in any case (see <see cref="LikeSearch"/>).</summary>
    private static IQueryable<AppUser> Search(IQueryable<AppUser> users, string? search)
    {
        if (LikeSearch.Contains(search) is not { } pattern)
        {
            return users;
        }
        // The culture-aware ToUpper overloads the analyzers ask for do not translate.
#pragma warning disable CA1304, CA1311
        return users.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern, LikeSearch.Escape)
            || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, LikeSearch.Escape));
#pragma warning restore CA1304, CA1311
    }

    /// <summary>Ids and emails never hold control characters (PostgreSQL refuses a NUL in text outright) and have a length limit.</summary>
    private static void CheckText(FieldErrors errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            errors.Add(field, $"The {field} is not one an account can have.");
        }
    }

    private static string Target(int classId) => classId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the audit trail records of a roster change.</summary>
    private sealed record RosterChange(int ClassId, string StudentId);

    private sealed record Enrolment(string StudentId, bool IsNew);

    private sealed record RosterRow(string Id, string? Email, string DisplayName, DateTimeOffset? LockoutEnd, int Held, int Attended)
    {
        /// <summary>Active: not deactivated, as <see cref="UserAdministration.IsActiveNow"/> has it.</summary>
        public RosterStudent ToStudent() => RosterStudent.Of(Id, Email, DisplayName, LockoutEnd is null, Held, Attended);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Student {StudentId} enrolled in class {ClassId}: {Enrolled}, by {ActorId}")]
    private static partial void LogChanged(ILogger logger, string studentId, int classId, bool enrolled, string actorId);
}
