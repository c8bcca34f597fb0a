using Microsoft.AspNetCore.Identity;
using Sessions.Web.Features.Accounts.Lockout;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>
/// Checks an email and password for the sign-in page and the API alike. Every answer takes the same steps whether or
/// not the account exists (one lookup, one password hash, one count), so neither its content nor its timing tells
/// which emails have accounts; wrong passwords lock out the client that typed them (<see cref="ClientLockout"/>).
/// </summary>
public sealed partial class PasswordSignIn(
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    ClientLockout lockout,
    DeviceRecognition devices,
    DecoyPasswordHash decoy,
    ILogger<PasswordSignIn> logger)
{
    /// <summary>The account, if the password is right and this client is not locked out; the client's device is then remembered.</summary>
    public async Task<Result<AppUser>> CheckAsync(HttpContext http, string email, string password, CancellationToken ct)
    {
        var normalizedEmail = users.NormalizeEmail(email) ?? "";
        var key = ClientLockout.KeyFor(normalizedEmail, devices.DeviceFor(http, normalizedEmail));
        if (await lockout.LockedForAsync(key, ct) is { } wait)
        {
            return AccountErrors.LockedOut(wait);
        }
        var user = await users.FindByEmailAsync(email);
        if (!PasswordMatches(user, password))
        {
            await lockout.FailedAsync(key, ct);
            return AccountErrors.InvalidCredentials;
        }
        await lockout.SucceededAsync(key, ct);
        devices.Remember(http, normalizedEmail);
        if (await users.IsLockedOutAsync(user!))
        {
            LogDisabledSignIn(logger, user!.Id);
            return AccountErrors.AccountDisabled;
        }
        return user!;
    }

    private bool PasswordMatches(AppUser? user, string password)
    {
        var outcome = hasher.VerifyHashedPassword(user ?? DecoyPasswordHash.NoAccount, user?.PasswordHash ?? decoy.Value, password);
        return user is not null && outcome != PasswordVerificationResult.Failed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a sign-in to the disabled account {UserId}")]
    private static partial void LogDisabledSignIn(ILogger logger, string userId);
}
