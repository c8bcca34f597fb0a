using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Accounts.Lockout;

/// <summary>
/// Wrong passwords lock out the client that typed them, not the account: failures are counted per account and
/// recognised device, and every unrecognised client of an account shares one count (OWASP's device-cookie scheme).
/// An attacker who knows a teacher's email locks out only themselves and other strangers; the teacher, on a device
/// that signed in before, still gets in. Counts are kept for any email typed, so they tell nothing about which exist.
/// </summary>
public sealed class ClientLockout(IDbContextFactory<SessionsDbContext> dbFactory, IOptions<ClientLockoutOptions> options, TimeProvider time)
{
    /// <param name="deviceId">The device recognised for this account, or null for an unrecognised client.</param>
    public static string KeyFor(string normalizedEmail, string? deviceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{normalizedEmail}\n{deviceId}")));

    /// <summary>How long the client is still locked out, or null when it may try.</summary>
    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = await db.SignInThrottles.AsNoTracking()
            .Where(t => t.Key == key && t.LockedUntilUtc > now)
            .Select(t => t.LockedUntilUtc)
            .SingleOrDefaultAsync(ct);
        return until - now;
    }

    /// <summary>Counts a wrong password; the one that reaches the maximum locks the client out.</summary>
    public async Task FailedAsync(string key, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        var windowOpenedAfter = now - options.Value.FailureWindow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Increments in SQL, so that parallel guesses are each counted.
        var counted = await db.SignInThrottles.Where(t => t.Key == key && t.WindowStartUtc > windowOpenedAfter)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, t => t.Failures + 1), ct);
        if (counted == 0)
        {
            await StartWindowAsync(db, key, now, ct);
        }
        await db.SignInThrottles.Where(t => t.Key == key && t.Failures >= options.Value.MaxFailures)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.LockedUntilUtc, now + options.Value.LockoutDuration)
                .SetProperty(t => t.Failures, 0)
                .SetProperty(t => t.WindowStartUtc, now), ct);
        await ForgetQuietAsync(db, windowOpenedAfter, now, ct);
    }

    /// <summary>The right password clears the client's count.</summary>
    public async Task SucceededAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }

    private static async Task StartWindowAsync(SessionsDbContext db, string key, DateTime now, CancellationToken ct)
    {
        var restarted = await db.SignInThrottles.Where(t => t.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, 1).SetProperty(t => t.WindowStartUtc, now), ct);
        if (restarted > 0)
        {
            return;
        }
        db.SignInThrottles.Add(new SignInThrottle { Key = key, Failures = 1, WindowStartUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A parallel guess created the row first: count this one on it.
            db.ChangeTracker.Clear();
            await db.SignInThrottles.Where(t => t.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, t => t.Failures + 1), ct);
        }
    }

    /// <summary>Rows whose window and lockout are both over say nothing any more; strangers' guesses must not pile up.</summary>
    private static Task<int> ForgetQuietAsync(SessionsDbContext db, DateTime windowOpenedAfter, DateTime now, CancellationToken ct) =>
        db.SignInThrottles
            .Where(t => t.WindowStartUtc <= windowOpenedAfter && (t.LockedUntilUtc == null || t.LockedUntilUtc <= now))
            .ExecuteDeleteAsync(ct);
}
