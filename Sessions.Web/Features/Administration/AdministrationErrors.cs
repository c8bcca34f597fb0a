using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration;

/// <summary>Every refusal of an administrative change, each with its stable code.</summary>
public static class AdministrationErrors
{
    public static readonly ServiceError EmailTaken =
        new("email_taken", "Another account already has this email.", StatusCodes.Status409Conflict);

    public static readonly ServiceError UserNotFound =
        new("user_not_found", "There is no account with this id.", StatusCodes.Status404NotFound);

    public static readonly ServiceError CannotDeactivateSelf =
        new("cannot_deactivate_self", "You cannot deactivate your own account: ask another administrator.", StatusCodes.Status409Conflict);

    /// <summary>A school must keep an administrator who can sign in, or nobody could undo the change.</summary>
    public static readonly ServiceError LastAdmin =
        new("last_admin", "This is the last active administrator: make another account an administrator first.", StatusCodes.Status409Conflict);
}
