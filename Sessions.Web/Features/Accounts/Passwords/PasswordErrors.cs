using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>Why a set-password link or a password change was refused.</summary>
public static class PasswordErrors
{
    public static readonly ServiceError LinkInvalid =
        new("link_invalid", "This link is not valid: copy the whole link, or ask your administrator for a new one.", StatusCodes.Status400BadRequest);

    public static readonly ServiceError LinkExpired =
        new("link_expired", "This link has expired: ask your administrator for a new one.", StatusCodes.Status400BadRequest);

    /// <summary>Also when the account changed since (another link was used, or it was deactivated): a link works once.</summary>
    public static readonly ServiceError LinkUsed =
        new("link_used", "This link was used already or replaced: ask your administrator for a new one.", StatusCodes.Status400BadRequest);

    /// <summary>An account created with a password from configuration changes it on <c>/account</c> before anything else.</summary>
    public static readonly ServiceError ChangeRequired =
        new("password_change_required", "Change your password on /account first.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError WrongCurrentPassword =
        new("wrong_password", "Your current password is not right.", StatusCodes.Status400BadRequest);
}
