using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Accounts;

/// <summary>What the signed-in user changes on <c>/account</c>: their password, time zone, language and formats.</summary>
public sealed class OwnAccount(UserManager<AppUser> users, UserStandings standings, IOptions<CultureOptions> cultures)
{
    public const string PagePath = "/account";

    public async Task<Result<AppUser>> ChangePasswordAsync(string userId, string current, string password, string confirmation)
    {
        var user = await FindAsync(userId);
        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            return ServiceError.Validation("confirmPassword", FieldMessage.Of("passwords_differ", "The two new passwords are not the same."));
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
            : PasswordPolicyMessages.Refusal(changed.Errors, users.Options.Password);
    }

    public async Task<Result<AppUser>> ChangeTimeZoneAsync(string userId, string? timeZone)
    {
        var errors = new FieldErrors();
        UserFields.CheckTimeZone(errors, timeZone);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var user = await FindAsync(userId);
        user.TimeZoneId = timeZone!;
        return await SaveAsync(user);
    }

    public async Task<AccountPreferences> PreferencesAsync(string userId) => AccountPreferences.Of(await FindAsync(userId));

    /// <summary>The language, clock and digits together; null in any of them follows the browser's language or the language's format.</summary>
    public async Task<Result<AppUser>> ChangePreferencesAsync(string userId, AccountPreferences preferences)
    {
        var errors = new FieldErrors();
        CheckCulture(errors, preferences.Culture);
        if (preferences.Clock is not null && !ClockPreference.All.Contains(preferences.Clock, StringComparer.Ordinal))
        {
            errors.Add("clock", FieldMessage.Of("clock_unknown", $"The clock is one of: {string.Join(", ", ClockPreference.All)}, or null for the language's own."));
        }
        if (preferences.Digits is not null && !DigitPreference.All.Contains(preferences.Digits, StringComparer.Ordinal))
        {
            errors.Add("digits", FieldMessage.Of("digits_unknown", $"The digits are one of: {string.Join(", ", DigitPreference.All)}, or null for the language's own."));
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var user = await FindAsync(userId);
        user.Culture = Supported(preferences.Culture);
        user.ClockPreference = preferences.Clock;
        user.DigitPreference = preferences.Digits;
        return await SaveAsync(user);
    }

    /// <summary>The language switch of a signed-in user: the language only, formats unchanged.</summary>
    public async Task<Result<AppUser>> ChooseCultureAsync(string userId, string culture)
    {
        var errors = new FieldErrors();
        CheckCulture(errors, culture);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var user = await FindAsync(userId);
        user.Culture = Supported(culture);
        return await SaveAsync(user);
    }

    private void CheckCulture(FieldErrors errors, string? culture)
    {
        if (culture is not null && !cultures.Value.Supports(culture))
        {
            errors.Add("culture", FieldMessage.Of("culture_unknown", $"The language is one of: {string.Join(", ", cultures.Value.Supported)}, or null for the browser's."));
        }
    }

    /// <summary>The supported culture's own spelling (<c>ar</c> for <c>AR</c>).</summary>
    private string? Supported(string? culture) =>
        culture is null ? null : cultures.Value.Supported.First(name => name.Equals(culture, StringComparison.OrdinalIgnoreCase));

    private async Task<AppUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    private async Task<Result<AppUser>> SaveAsync(AppUser user)
    {
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded
            ? user
            : throw new InvalidOperationException($"Could not save the account: {string.Join("; ", updated.Errors.Select(e => e.Description))}");
    }
}
