using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Sessions.Web.Features.Accounts;

/// <summary>Creates accounts (there is no self-registration): each gets a role and its own stable RTC uid.</summary>
public sealed class UserAccounts(UserManager<AppUser> users)
{
    private const int MaxUidAttempts = 5;

    /// <param name="mustChangePassword">Whether the first sign-in must change the password before anything else.</param>
    public async Task<AppUser> CreateAsync(string email, string displayName, string timeZoneId, string password, string role,
        bool mustChangePassword = false)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new ArgumentException($"Unknown IANA time zone '{timeZoneId}'.", nameof(timeZoneId));
        }
        for (var attempt = 1; ; attempt++)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                TimeZoneId = timeZoneId,
                MustChangePassword = mustChangePassword,
                // Random rather than sequential, so uids do not reveal how many accounts exist.
                RtcUid = RandomNumberGenerator.GetInt32(1, int.MaxValue),
            };
            try
            {
                EnsureSucceeded(await users.CreateAsync(user, password), email);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt < MaxUidAttempts)
            {
                continue; // the unique index refused a uid another account already has
            }
            EnsureSucceeded(await users.AddToRoleAsync(user, role), email);
            return user;
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
