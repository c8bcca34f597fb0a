using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Tokens;

/// <summary>
/// The apps' credentials: a short-lived bearer token (ASP.NET Core's bearer format, checked by its handler) and a
/// rotating refresh token. A refresh token works once; using one a second time means someone copied it, and revokes
/// every token of that sign-in, the thief's and the owner's alike.
/// </summary>
public sealed partial class BearerTokens(
    IDbContextFactory<SessionsDbContext> dbFactory,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<BearerTokens> logger)
{
    private const int RefreshTokenBytes = 32;

    /// <summary>A new sign-in: a bearer token and the first refresh token of a new family.</summary>
    public async Task<TokenResponse> IssueAsync(AppUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var response = await IssueAsync(db, user, Guid.CreateVersion7());
        await db.SaveChangesAsync(ct);
        return response;
    }

    /// <summary>Exchanges a refresh token for a new pair, if it is unused, unexpired and its account unchanged.</summary>
    public async Task<Result<TokenResponse>> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var presented = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == Hash(refreshToken), ct);
        if (presented is null || presented.RevokedUtc is not null || presented.ExpiresUtc <= now)
        {
            return AccountErrors.InvalidRefreshToken;
        }
        if (presented.UsedUtc is not null)
        {
            return await RevokeReusedFamilyAsync(db, presented, now, ct);
        }

        // Claimed by a conditional update: of two racing uses of one token, exactly one wins and the other is a reuse.
        var exchanged = await ResilientTransaction.ExecuteAsync<Result<TokenResponse>?>(db, async () =>
        {
            var claimed = await db.RefreshTokens.Where(t => t.Id == presented.Id && t.UsedUtc == null && t.RevokedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedUtc, now), ct);
            if (claimed == 0)
            {
                return null;
            }
            var user = await users.FindByIdAsync(presented.UserId);
            if (user is null || user.SecurityStamp != presented.SecurityStamp || await users.IsLockedOutAsync(user))
            {
                await RevokeFamilyAsync(db, presented.FamilyId, now, ct);
                return AccountErrors.InvalidRefreshToken;
            }
            return await IssueAsync(db, user, presented.FamilyId);
        }, keep: outcome => outcome is not null, afterCommit: null, ct);
        return exchanged ?? await RevokeReusedFamilyAsync(db, presented, now, ct);
    }

    /// <summary>Signs an app out: its refresh token and every token rotated from the same sign-in stop working.</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == Hash(refreshToken)).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(ct);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(db, family, time.StoredUtcNow(), ct);
        }
    }

    private async Task<TokenResponse> IssueAsync(SessionsDbContext db, AppUser user, Guid familyId)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var principal = await principals.CreateAsync(user);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime },
            IdentityConstants.BearerScheme);
        var accessToken = bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);

        var refreshToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RefreshTokenBytes));
        var storedNow = time.StoredUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            FamilyId = familyId,
            UserId = user.Id,
            TokenHash = Hash(refreshToken),
            SecurityStamp = user.SecurityStamp ?? "",
            CreatedUtc = storedNow,
            ExpiresUtc = storedNow + options.Value.RefreshTokenLifetime,
        });
        return new TokenResponse("Bearer", accessToken, (long)lifetime.TotalSeconds, refreshToken);
    }

    private async Task<ServiceError> RevokeReusedFamilyAsync(SessionsDbContext db, RefreshToken reused, DateTime now, CancellationToken ct)
    {
        var revoked = await RevokeFamilyAsync(db, reused.FamilyId, now, ct);
        LogReuse(logger, reused.UserId, reused.FamilyId, revoked);
        return AccountErrors.RefreshTokenReused;
    }

    private static Task<int> RevokeFamilyAsync(SessionsDbContext db, Guid familyId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedUtc, now), ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A used refresh token of user {UserId} was presented again; revoked {Count} tokens of family {FamilyId}")]
    private static partial void LogReuse(ILogger logger, string userId, Guid familyId, int count);
}
