using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Calendar;

/// <summary>Issues, shows, renews and resolves the users' private feed tokens.</summary>
public sealed class CalendarFeeds(IDbContextFactory<SessionsDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider time)
{
    private const string Purpose = "Sessions.Calendar.FeedToken.v1";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The caller's feed token: the one they have, or a new one on the first call.</summary>
    public async Task<string> TokenForAsync(string userId, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var stored = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.ProtectedToken).SingleOrDefaultAsync(ct);
            if (stored is not null)
            {
                return _protector.Unprotect(stored);
            }
        }
        try
        {
            return await IssueAsync(userId, ct);
        }
        catch (DbUpdateException race) when (UniqueViolation.Is(race))
        {
            // Two first calls at once (two tabs): the other one's token is the user's now.
            return await TokenForAsync(userId, ct);
        }
    }

    /// <summary>Replaces the caller's token: the old feed URL answers 404 from now on.</summary>
    public Task<string> RenewAsync(string userId, CancellationToken ct) => IssueAsync(userId, ct);

    /// <summary>Whose feed this token opens, or null for an unknown, malformed or renewed-away token.</summary>
    public async Task<string?> OwnerOfAsync(string token, CancellationToken ct)
    {
        if (!CalendarFeedSecret.IsWellFormed(token))
        {
            return null;
        }
        var hash = CalendarFeedSecret.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarFeedTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => t.UserId).SingleOrDefaultAsync(ct);
    }

    private async Task<string> IssueAsync(string userId, CancellationToken ct)
    {
        var token = CalendarFeedSecret.NewToken();
        var hash = CalendarFeedSecret.Hash(token);
        var protectedToken = _protector.Protect(token);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var replaced = await db.CalendarFeedTokens.Where(t => t.UserId == userId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.TokenHash, hash)
            .SetProperty(t => t.ProtectedToken, protectedToken)
            .SetProperty(t => t.CreatedUtc, now), ct);
        if (replaced == 0)
        {
            db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = userId, TokenHash = hash, ProtectedToken = protectedToken, CreatedUtc = now });
            await db.SaveChangesAsync(ct);
        }
        return token;
    }
}
