using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Accounts.Standing;

/// <summary>
/// Whether credentials handed out earlier (a bearer token, a cookie, an open hub connection or page) still stand: the
/// account exists, is not locked, and its security stamp (which a password or role change renews) is the one the
/// credential was issued with. Each account's standing is read at most once per <see cref="AuthOptions.StandingCacheFor"/>.
/// </summary>
public sealed class UserStandings(
    IDbContextFactory<SessionsDbContext> dbFactory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    /// <summary>Accounts read in one query when many connections are checked at once.</summary>
    private const int BatchSize = 500;

    private readonly ConcurrentDictionary<string, Standing> _read = new(StringComparer.Ordinal);

    /// <summary>A signed-in caller (not an anonymous one) whose credential still stands.</summary>
    public async ValueTask<bool> StillStandsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var credential = CredentialOf(principal);
        if (credential is null)
        {
            return false;
        }
        var standing = Fresh(credential.UserId);
        // A stamp other than the one read may be newer than the reading (the account page renews the cookie with the stamp
        // it just changed, maybe on another instance), so it is checked against the database before it is refused.
        if (standing is null || standing.Stamp != credential.Stamp)
        {
            standing = (await ReadAsync([credential.UserId], ct)).GetValueOrDefault(credential.UserId);
        }
        return Stands(standing, credential.Stamp);
    }

    /// <summary>Of many credentials (open connections), those that no longer stand; accounts not read lately are read in batches.</summary>
    public async Task<IReadOnlyList<T>> FallenAsync<T>(IReadOnlyCollection<T> holders, Func<T, UserCredential> credentialOf, CancellationToken ct)
    {
        var stale = holders.Select(h => credentialOf(h).UserId).Where(id => Fresh(id) is null).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in stale.Chunk(BatchSize))
        {
            await ReadAsync(batch, ct);
        }
        return [.. holders.Where(h => credentialOf(h) is var c && !Stands(_read.GetValueOrDefault(c.UserId), c.Stamp))];
    }

    /// <summary>The account and the security stamp a principal was issued with, or null when it carries none.</summary>
    public UserCredential? CredentialOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp
            ? new UserCredential(userId, stamp)
            : null;

    /// <summary>Drops what was read of the account, so its next request reads it afresh (after an administrator changed it).</summary>
    public void Forget(string userId) => _read.TryRemove(userId, out _);

    /// <summary>Drops readings older than the cache's life, so accounts seen once do not stay in memory.</summary>
    public void ForgetStale()
    {
        foreach (var (userId, standing) in _read)
        {
            if (!IsFresh(standing))
            {
                _read.TryRemove(new KeyValuePair<string, Standing>(userId, standing));
            }
        }
    }

    private bool Stands(Standing? standing, string stamp) =>
        standing is { Exists: true } && standing.Stamp == stamp && !(standing.LockoutEnd > time.GetUtcNow());

    private Standing? Fresh(string userId) => _read.TryGetValue(userId, out var standing) && IsFresh(standing) ? standing : null;

    private bool IsFresh(Standing standing) => time.GetUtcNow() - standing.ReadAt < options.Value.StandingCacheFor;

    private async Task<Dictionary<string, Standing>> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var readAt = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd })
            .ToDictionaryAsync(u => u.Id, u => new Standing(true, u.SecurityStamp, u.LockoutEnd, readAt), StringComparer.Ordinal, ct);
        foreach (var userId in userIds)
        {
            _read[userId] = found.GetValueOrDefault(userId) ?? new Standing(false, null, null, readAt);
        }
        return found;
    }

    private sealed record Standing(bool Exists, string? Stamp, DateTimeOffset? LockoutEnd, DateTimeOffset ReadAt);
}

/// <summary>Who a credential was issued to, and with which security stamp.</summary>
public sealed record UserCredential(string UserId, string Stamp);
