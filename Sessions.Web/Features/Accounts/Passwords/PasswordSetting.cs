using Microsoft.AspNetCore.Identity;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>Sets a password through a set-password link, under Identity's password policy.</summary>
public sealed class PasswordSetting(UserManager<AppUser> users, SetPasswordLinks links)
{
    /// <summary>The account a link is for, if the link can still be used: what the page checks before it shows its form.</summary>
    public async Task<Result<AppUser>> CheckLinkAsync(string? token)
    {
        var read = links.Read(token);
        if (read.Error is { } invalid)
        {
            return invalid;
        }
        var user = await users.FindByIdAsync(read.Value!.UserId);
        // A renewed stamp means the link was used, a newer one was, or the account was deactivated since.
        return user is null || user.SecurityStamp != read.Value.SecurityStamp ? PasswordErrors.LinkUsed : user;
    }

    public async Task<Result<AppUser>> SetAsync(string? token, string password, string confirmation)
    {
        var link = await CheckLinkAsync(token);
        if (link.Error is { } refused)
        {
            return refused;
        }
        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            return ServiceError.Validation("confirmPassword", FieldMessage.Of("passwords_differ", "The two passwords are not the same."));
        }
        var user = link.Value!;
        // Identity's reset does in one save, guarded by the account's concurrency stamp, all a link's use needs: it checks
        // the policy, stores the hash and renews the security stamp. So of two racing uses of one link, one fails.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (reset.Succeeded)
        {
            return user;
        }
        return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? PasswordErrors.LinkUsed
            : PasswordPolicyMessages.Refusal(reset.Errors, users.Options.Password);
    }
}
