using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>Every refusal of signing in and of tokens, each with its stable code.</summary>
public static class AccountErrors
{
    /// <summary>The same for an unknown email and a wrong password, so that the answer tells nobody which emails exist.</summary>
    public static readonly ServiceError InvalidCredentials =
        new("invalid_credentials", "The email or password is not right.", StatusCodes.Status401Unauthorized);

    /// <summary>Only told to someone who gave the right password.</summary>
    public static readonly ServiceError AccountDisabled =
        new("account_disabled", "This account is disabled. Ask your school's administrator.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError InvalidRefreshToken =
        new("invalid_refresh_token", "This refresh token is not valid any more: sign in again.", StatusCodes.Status401Unauthorized);

    public static readonly ServiceError RefreshTokenReused =
        new("refresh_token_reused",
            "This refresh token was used before, so it may have been copied: every token of this sign-in is revoked. Sign in again.",
            StatusCodes.Status401Unauthorized);

    /// <summary>This client (not the account) must wait: it gave too many wrong passwords.</summary>
    public static ServiceError LockedOut(TimeSpan retryAfter) => new(
        "locked_out",
        "Too many wrong passwords from this device: try again in a few minutes. Devices that signed in before are not affected.",
        StatusCodes.Status429TooManyRequests,
        new Dictionary<string, object?> { [RetryAfter.DetailKey] = RetryAfter.Seconds(retryAfter) });
}
