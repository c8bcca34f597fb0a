using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Classes;

/// <summary>A class's short unique code: 2 to 16 of A–Z, 0–9 and '-', compared and stored upper-case.</summary>
public static partial class ClassCode
{
    public const int MinLength = 2;
    public const int MaxLength = 16;

    /// <summary>Adds a refusal unless <paramref name="code"/> is a well-formed code.</summary>
    public static void Check(FieldErrors errors, string? code)
    {
        if (code is null || !Shape().IsMatch(code))
        {
            errors.Add("code", FieldMessage.Of("class_code_invalid", $"The code must be {MinLength} to {MaxLength} letters, digits or '-'.", ("min", MinLength), ("max", MaxLength)));
        }
    }

    /// <summary>The code as stored: upper case (the input must already pass <see cref="Check"/>).</summary>
    public static string Normalize(string code) => code.ToUpperInvariant();

    [GeneratedRegex("^[A-Za-z0-9-]{2,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

/// <summary>Body of <c>POST /api/classes</c>: all four are required.</summary>
public sealed record NewClass(string? Name, string? Code, string? Subject, string? EducatorId);

/// <summary>Body of <c>PATCH /api/classes/{id}</c>: members left out (null) stay as they are.</summary>
public sealed record ClassChanges(string? Name, string? Code, string? Subject, string? EducatorId);

/// <summary>A class as an administrator sees it (and as the audit trail records it before and after a change).</summary>
public sealed record AdminClassDto(int Id, string Name, string Code, string Subject, string EducatorId, DateTimeOffset? ArchivedAt)
{
    public static AdminClassDto From(SchoolClass c) =>
        new(c.Id, c.Name, c.Code, c.Subject, c.EducatorId, c.ArchivedUtc is { } at ? ApiTime.Utc(at) : null);
}

/// <summary>One row of the administrators' class list (<c>GET /api/admin/classes</c>).</summary>
public sealed record AdminClassRow(
    int Id, string Name, string Code, string Subject, SessionHostDto Educator, int EnrolledCount, DateTimeOffset? ArchivedAt,
    IReadOnlyList<SessionHostDto> CoEducators);

/// <summary>Which classes to list: a text found in the name or code, and whether archived classes are included.</summary>
public sealed record ClassFilter(string? Search, bool IncludeArchived);

public sealed record AdminClassPage(IReadOnlyList<AdminClassRow> Items, int TotalCount);

public static class ClassFields
{
    public static readonly TextRule Name = new("name", "The name", 120, Required: true);
    public static readonly TextRule Subject = new("subject", "The subject", 80, Required: true);
}

/// <summary>
/// An administrator's classes: create, edit and archive. Each change and its audit entry commit together (as
/// <see cref="Administration.UserAdministration"/> does); <c>actorId</c> is the acting administrator.
/// </summary>
public sealed class ClassAdministration(IDbContextFactory<SessionsDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    private static readonly string EducatorRoleId = AppRoles.IdOf(AppRoles.Educator);

    /// <summary>Every class (archived ones only when asked), by name then code, a page at a time.</summary>
    public async Task<AdminClassPage> ListAsync(ClassFilter filter, PageRequest paging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classes = db.Classes.AsNoTracking();
        if (!filter.IncludeArchived)
        {
            classes = classes.Where(c => c.ArchivedUtc == null);
        }
        if (LikeSearch.Contains(filter.Search) is { } search)
        {
            // Codes are stored upper-case; names are compared upper-cased (see LikeSearch). The culture-aware ToUpper
            // overloads the analyzers ask for do not translate.
#pragma warning disable CA1304, CA1311
            classes = classes.Where(c => EF.Functions.Like(c.Code, search, LikeSearch.Escape)
                || EF.Functions.Like(c.Name.ToUpper(), search, LikeSearch.Escape));
#pragma warning restore CA1304, CA1311
        }
        var total = await classes.CountAsync(ct);
        var rows = await classes.OrderBy(c => c.Name).ThenBy(c => c.Code).Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new
            {
                c.Id, c.Name, c.Code, c.Subject, c.EducatorId, EducatorName = c.Educator!.DisplayName,
                EnrolledCount = c.Enrollments.Count, c.ArchivedUtc,
            })
            .ToListAsync(ct);
        var coEducators = await ClassEducators.OfClassesAsync(db, rows.ConvertAll(r => r.Id), ct);
        return new AdminClassPage([.. rows.Select(r => new AdminClassRow(r.Id, r.Name, r.Code, r.Subject,
            new SessionHostDto(r.EducatorId, r.EducatorName), r.EnrolledCount, r.ArchivedUtc is { } at ? ApiTime.Utc(at) : null,
            [.. coEducators[r.Id]]))], total);
    }

    public async Task<Result<AdminClassDto>> CreateAsync(string actorId, NewClass request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ClassFields.Name.Check(errors, request.Name);
        ClassCode.Check(errors, request.Code);
        ClassFields.Subject.Check(errors, request.Subject);
        CheckEducatorId(errors, request.EducatorId);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var created = await ResilientTransaction.ExecuteAsync<Result<AdminClassDto>>(db, async () =>
            {
                db.ChangeTracker.Clear();
                if (await EducatorRefusalAsync(db, request.EducatorId!, ct) is { } notEducator)
                {
                    return notEducator;
                }
                var code = ClassCode.Normalize(request.Code!);
                if (await db.Classes.AnyAsync(c => c.Code == code, ct))
                {
                    return ClassErrors.CodeTaken;
                }
                var schoolClass = new SchoolClass
                {
                    Name = TextRule.Tidy(request.Name)!,
                    Code = code,
                    Subject = TextRule.Tidy(request.Subject)!,
                    EducatorId = request.EducatorId!,
                };
                db.Classes.Add(schoolClass);
                await db.SaveChangesAsync(ct); // the id the audit entry names
                var after = AdminClassDto.From(schoolClass);
                audit.Record(db, actorId, AuditActions.ClassCreated, Target(schoolClass.Id), before: null, after);
                return after;
            }, keep: outcome => outcome.Error is null, afterCommit: null, ct);
            return created;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return ClassErrors.CodeTaken; // a racing create took the code between our check and our save
        }
    }

    public async Task<Result<AdminClassDto>> UpdateAsync(string actorId, int classId, ClassChanges changes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (changes.Name is not null)
        {
            ClassFields.Name.Check(errors, changes.Name);
        }
        if (changes.Code is not null)
        {
            ClassCode.Check(errors, changes.Code);
        }
        if (changes.Subject is not null)
        {
            ClassFields.Subject.Check(errors, changes.Subject);
        }
        if (changes.EducatorId is not null)
        {
            CheckEducatorId(errors, changes.EducatorId);
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await ChangeAsync(db, actorId, classId, AuditActions.ClassUpdated, async schoolClass =>
            {
                if (changes.EducatorId is { } educatorId && educatorId != schoolClass.EducatorId
                    && await EducatorRefusalAsync(db, educatorId, ct) is { } notEducator)
                {
                    return notEducator;
                }
                if (changes.Code is not null)
                {
                    var code = ClassCode.Normalize(changes.Code);
                    if (await db.Classes.AnyAsync(c => c.Id != classId && c.Code == code, ct))
                    {
                        return ClassErrors.CodeTaken;
                    }
                    schoolClass.Code = code;
                }
                schoolClass.Name = TextRule.Tidy(changes.Name) ?? schoolClass.Name;
                schoolClass.Subject = TextRule.Tidy(changes.Subject) ?? schoolClass.Subject;
                schoolClass.EducatorId = changes.EducatorId ?? schoolClass.EducatorId;
                return (ServiceError?)null;
            }, ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return ClassErrors.CodeTaken;
        }
    }

    /// <summary>Archives the class (idempotent: archiving an archived class changes nothing and records nothing).</summary>
    public async Task<Result<AdminClassDto>> ArchiveAsync(string actorId, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, actorId, classId, AuditActions.ClassArchived, schoolClass =>
        {
            schoolClass.ArchivedUtc = time.StoredUtcNow();
            return Task.FromResult<ServiceError?>(null);
        }, ct, skipWhen: c => c.ArchivedUtc is not null);
    }

    private async Task<Result<AdminClassDto>> ChangeAsync(SessionsDbContext db, string actorId, int classId, string action,
        Func<SchoolClass, Task<ServiceError?>> change, CancellationToken ct, Func<SchoolClass, bool>? skipWhen = null) =>
        await ResilientTransaction.ExecuteAsync<Result<AdminClassDto>>(db, async () =>
        {
            db.ChangeTracker.Clear();
            var schoolClass = await db.Classes.SingleOrDefaultAsync(c => c.Id == classId, ct);
            if (schoolClass is null)
            {
                return ClassErrors.NotFound;
            }
            var before = AdminClassDto.From(schoolClass);
            if (skipWhen?.Invoke(schoolClass) == true)
            {
                return before;
            }
            if (await change(schoolClass) is { } refused)
            {
                return refused;
            }
            var after = AdminClassDto.From(schoolClass);
            if (after != before)
            {
                audit.Record(db, actorId, action, Target(classId), before, after);
            }
            return after;
        }, keep: outcome => outcome.Error is null, afterCommit: null, ct);

    private static void CheckEducatorId(FieldErrors errors, string? educatorId) =>
        AccountIds.Check(errors, "educatorId", educatorId, FieldMessage.Of("educator_required", "The educator is required."),
            FieldMessage.Of("educator_unknown", "There is no educator account with this id."));

    /// <summary>A refusal unless the account exists and has the Educator role: a field error on <c>educatorId</c>.</summary>
    private static async Task<ServiceError?> EducatorRefusalAsync(SessionsDbContext db, string educatorId, CancellationToken ct) =>
        await db.UserRoles.AnyAsync(r => r.UserId == educatorId && r.RoleId == EducatorRoleId, ct)
            ? null
            : new FieldErrors().Add("educatorId", "There is no educator account with this id.").ToError();

    /// <summary>How the audit trail names a class.</summary>
    internal static string Target(int classId) => classId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
