using Microsoft.AspNetCore.Identity;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>What the signed-in user changes on <c>/account</c>: their password and their time zone.</summary>
public sealed class OwnAccount(UserManager<AppUser> users, UserStandings standings)
{
    public const string PagePath = "/account";

    public async Task<Result<AppUser>> ChangePasswordAsync(string userId, string current, string password, string confirmation)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            return ServiceError.Validation("confirmPassword", "The two new passwords are not the same.");
        }
        // Saved with the new password, or not at all.
        user.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(user, current, password);
        if (changed.Succeeded)
        {
            // The renewed stamp is in the cookie the page issues next; what this instance read of the old one must not refuse it.
            standings.Forget(userId);
            return user;
        }
        return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
            ? PasswordErrors.WrongCurrentPassword
            : ServiceError.Validation("password", string.Join(" ", changed.Errors.Select(e => e.Description)));
    }

    public async Task<Result<AppUser>> ChangeTimeZoneAsync(string userId, string? timeZone)
    {
        var errors = new FieldErrors();
        UserFields.CheckTimeZone(errors, timeZone);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        user.TimeZoneId = timeZone!;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded
            ? user
            : throw new InvalidOperationException($"Could not save the time zone: {string.Join("; ", updated.Errors.Select(e => e.Description))}");
    }
}
