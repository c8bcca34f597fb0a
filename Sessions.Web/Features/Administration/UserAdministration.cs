using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Administration;

/// <summary>
/// An administrator's accounts: list, create, edit, deactivate, reactivate, and hand out set-password links. The API and
/// the admin pages both call it; each change and its audit entry commit together. <paramref name="actorId"/> of each
/// change is the acting administrator, or null for the command line.
/// </summary>
public sealed class UserAdministration(
    IDbContextFactory<SessionsDbContext> dbFactory,
    ILookupNormalizer normalizer,
    SetPasswordLinks links,
    AuditTrail audit,
    UserStandings standings,
    TimeProvider time)
{
    private const int MaxUidAttempts = 5;
    private static readonly string AdminRoleId = AppRoles.IdOf(AppRoles.Admin);
    /// <summary>Not deactivated: the account may sign in.</summary>
    public static readonly Expression<Func<AppUser, bool>> IsActive = u => u.LockoutEnd == null;

    public async Task<AdminUserPage> ListAsync(UserFilter filter, PageRequest paging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (LikeSearch.Contains(filter.Search) is { } search)
        {
            // Upper case on both sides: SQLite's LIKE ignores case and PostgreSQL's does not, but both agree on upper(),
            // which is what EF Core makes of ToUpper(); its culture-aware overloads, which the analyzers ask for, do not translate.
#pragma warning disable CA1304, CA1311
            users = users.Where(u => EF.Functions.Like(u.NormalizedEmail!, search, LikeSearch.Escape)
                || EF.Functions.Like(u.DisplayName.ToUpper(), search, LikeSearch.Escape));
#pragma warning restore CA1304, CA1311
        }
        if (filter.Role is { } role)
        {
            var roleId = AppRoles.IdOf(role);
            users = users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId));
        }
        users = filter.Status switch
        {
            UserStatus.Active => users.Where(IsActive),
            UserStatus.Deactivated => users.Where(u => u.LockoutEnd != null),
            _ => users,
        };
        var total = await users.CountAsync(ct);
        var found = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var roles = await RolesOfAsync(db, [.. found.Select(u => u.Id)], ct);
        return new AdminUserPage([.. found.Select(u => Snapshot(u, roles[u.Id]))], total);
    }

    public async Task<Result<AdminUser>> GetAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? AdministrationErrors.UserNotFound : Snapshot(user, (await RolesOfAsync(db, [userId], ct))[userId]);
    }

    /// <summary>A new account without a password, and the link with which its owner sets one.</summary>
    public async Task<Result<CreatedUser>> CreateAsync(string? actorId, NewUser request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        UserFields.CheckEmail(errors, request.Email);
        UserFields.DisplayName.Check(errors, request.DisplayName);
        UserFields.CheckRoles(errors, request.Roles);
        UserFields.CheckTimeZone(errors, request.TimeZone);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                var created = await ResilientTransaction.ExecuteAsync<Result<AppUser>>(db, async () =>
                {
                    db.ChangeTracker.Clear();
                    var normalized = normalizer.NormalizeEmail(request.Email)!;
                    if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
                    {
                        return AdministrationErrors.EmailTaken;
                    }
                    var user = NewAccount(request.Email!, normalized, TextRule.Tidy(request.DisplayName)!, request.TimeZone!);
                    db.Users.Add(user);
                    db.UserRoles.AddRange(request.Roles!.Distinct().Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = AppRoles.IdOf(r) }));
                    audit.Record(db, actorId, AuditActions.UserCreated, user.Id, before: null, after: Snapshot(user, request.Roles!));
                    return user;
                }, keep: outcome => outcome.Error is null, afterCommit: null, ct);
                if (created.Error is { } refused)
                {
                    return refused;
                }
                var user = created.Value!;
                return new CreatedUser(Snapshot(user, request.Roles!), links.Issue(user.Id, user.SecurityStamp!));
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                if (await EmailTakenAsync(request.Email!, ct))
                {
                    return AdministrationErrors.EmailTaken; // a racing create of the same email won
                }
                if (attempt == MaxUidAttempts)
                {
                    throw;
                }
                // Otherwise the unique index refused an RTC uid another account already has: draw again.
            }
        }
    }

    /// <summary>Changes the given details; a change of email or roles renews the security stamp, so old credentials stop.</summary>
    public async Task<Result<AdminUser>> UpdateAsync(string? actorId, string userId, UserChanges changes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (changes.Email is not null)
        {
            UserFields.CheckEmail(errors, changes.Email);
        }
        if (changes.DisplayName is not null)
        {
            UserFields.DisplayName.Check(errors, changes.DisplayName);
        }
        if (changes.Roles is not null)
        {
            UserFields.CheckRoles(errors, changes.Roles);
        }
        if (changes.TimeZone is not null)
        {
            UserFields.CheckTimeZone(errors, changes.TimeZone);
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await ChangeAsync(db, actorId, userId, AuditActions.UserUpdated, async (user, roles) =>
            {
                var demoted = changes.Roles is not null && roles.Contains(AppRoles.Admin) && !changes.Roles.Contains(AppRoles.Admin);
                if (demoted && IsActiveNow(user) && !await OtherActiveAdminExistsAsync(db, userId, ct))
                {
                    return AdministrationErrors.LastAdmin;
                }
                var credentialsChange = false;
                if (changes.Email is not null && !string.Equals(changes.Email, user.Email, StringComparison.Ordinal))
                {
                    var normalized = normalizer.NormalizeEmail(changes.Email)!;
                    if (await db.Users.AnyAsync(u => u.Id != userId && (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized), ct))
                    {
                        return AdministrationErrors.EmailTaken;
                    }
                    (user.Email, user.NormalizedEmail, user.UserName, user.NormalizedUserName) = (changes.Email, normalized, changes.Email, normalized);
                    credentialsChange = true;
                }
                if (changes.Roles is { } newRoles && !newRoles.ToHashSet().SetEquals(roles))
                {
                    await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
                    db.UserRoles.AddRange(newRoles.Distinct().Select(r => new IdentityUserRole<string> { UserId = userId, RoleId = AppRoles.IdOf(r) }));
                    roles = [.. newRoles.Distinct()];
                    credentialsChange = true;
                }
                user.DisplayName = TextRule.Tidy(changes.DisplayName) ?? user.DisplayName;
                user.TimeZoneId = changes.TimeZone ?? user.TimeZoneId;
                if (credentialsChange)
                {
                    user.SecurityStamp = NewStamp(); // as Identity does: the old email's or roles' credentials stop
                }
                return Snapshot(user, roles);
            }, ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return AdministrationErrors.EmailTaken; // a racing change took the email between our check and our save
        }
    }

    /// <summary>
    /// The account can no longer sign in; its refresh tokens are revoked and its security stamp renewed, so its bearer
    /// tokens, cookies, hub connections and pages stop within <c>Auth:RevalidateWithinSeconds</c>. Its history stays.
    /// Deactivating a deactivated account changes nothing.
    /// </summary>
    public async Task<Result<AdminUser>> DeactivateAsync(string? actorId, string userId, CancellationToken ct)
    {
        if (actorId == userId)
        {
            return AdministrationErrors.CannotDeactivateSelf;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, actorId, userId, AuditActions.UserDeactivated, async (user, roles) =>
        {
            if (roles.Contains(AppRoles.Admin) && !await OtherActiveAdminExistsAsync(db, userId, ct))
            {
                return AdministrationErrors.LastAdmin;
            }
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = NewStamp();
            var now = time.StoredUtcNow();
            await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedUtc, now), ct);
            return Snapshot(user, roles);
        }, ct, skipWhen: user => !IsActiveNow(user));
    }

    /// <summary>The account may sign in again (with its old password, or through a new link). Reactivating an active account changes nothing.</summary>
    public async Task<Result<AdminUser>> ReactivateAsync(string? actorId, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, actorId, userId, AuditActions.UserReactivated, (user, roles) =>
        {
            user.LockoutEnd = null;
            return Task.FromResult<Result<AdminUser>>(Snapshot(user, roles));
        }, ct, skipWhen: IsActiveNow);
    }

    /// <summary>A new set-password link (a reset): the account keeps its password until the link is used.</summary>
    public async Task<Result<SetPasswordLink>> IssuePasswordLinkAsync(string? actorId, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await ChangeAsync(db, actorId, userId, AuditActions.PasswordLinkIssued,
            (user, roles) => Task.FromResult<Result<AdminUser>>(Snapshot(user, roles)), ct);
        if (result.Error is { } error)
        {
            return error;
        }
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(ct);
        return links.Issue(userId, stamp!);
    }

    /// <summary>An account is active unless deactivated; deactivation is the only lockout Sessions sets.</summary>
    public static bool IsActiveNow(AppUser user) => user.LockoutEnd is null;

    /// <summary>
    /// Reads the account and its roles inside the transaction, applies <paramref name="change"/> and records it. Every
    /// change first takes the Admin role row's lock (a write that changes nothing), so two administrators demoting or
    /// deactivating each other at once are answered one after the other, and one of them hears <c>last_admin</c>. Once
    /// committed, this instance forgets what it read of the account's standing, so its next request is judged afresh.
    /// </summary>
    private async Task<Result<AdminUser>> ChangeAsync(SessionsDbContext db, string? actorId, string userId, string action,
        Func<AppUser, IReadOnlyCollection<string>, Task<Result<AdminUser>>> change, CancellationToken ct, Func<AppUser, bool>? skipWhen = null) =>
        await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            db.ChangeTracker.Clear(); // a retry starts from what the database holds, not from the failed attempt's changes
            await db.Roles.Where(r => r.Id == AdminRoleId).ExecuteUpdateAsync(u => u.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return AdministrationErrors.UserNotFound;
            }
            var roles = (await RolesOfAsync(db, [userId], ct))[userId];
            var before = Snapshot(user, roles);
            if (skipWhen?.Invoke(user) == true)
            {
                return before;
            }
            var after = await change(user, roles);
            if (after.Value is { } changed)
            {
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                audit.Record(db, actorId, action, userId, before, changed);
            }
            return after;
        }, keep: outcome => outcome.Error is null, afterCommit: () =>
        {
            standings.Forget(userId);
            return Task.CompletedTask;
        }, ct);

    private static async Task<bool> OtherActiveAdminExistsAsync(SessionsDbContext db, string userId, CancellationToken ct) =>
        await db.UserRoles.AnyAsync(r => r.RoleId == AdminRoleId && r.UserId != userId && db.Users.Any(u => u.Id == r.UserId && u.LockoutEnd == null), ct);

    private async Task<bool> EmailTakenAsync(string email, CancellationToken ct)
    {
        var normalized = normalizer.NormalizeEmail(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct);
    }

    private static async Task<Dictionary<string, List<string>>> RolesOfAsync(SessionsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var pairs = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userIds.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(ct);
        return userIds.ToDictionary(id => id, id => pairs.Where(p => p.UserId == id).Select(p => p.Name!).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>A new account as Identity's <c>UserManager</c> would store it, without a password; the roster import makes them in bulk.</summary>
    internal static AppUser NewAccount(string email, string normalizedEmail, string displayName, string timeZone) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = email,
        NormalizedUserName = normalizedEmail,
        Email = email,
        NormalizedEmail = normalizedEmail,
        // The administrator vouches for the address; no email is sent from here.
        EmailConfirmed = true,
        DisplayName = displayName,
        TimeZoneId = timeZone,
        LockoutEnabled = true,
        SecurityStamp = NewStamp(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        // Random rather than sequential, so uids do not reveal how many accounts exist.
        RtcUid = RandomNumberGenerator.GetInt32(1, int.MaxValue),
    };

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    private static AdminUser Snapshot(AppUser user, IEnumerable<string> roles) => new(
        user.Id, user.Email!, user.DisplayName, [.. roles.Distinct().Order(StringComparer.Ordinal)], user.TimeZoneId,
        IsActiveNow(user) ? UserStatus.Active : UserStatus.Deactivated);
}
