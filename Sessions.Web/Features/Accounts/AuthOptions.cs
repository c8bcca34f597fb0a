using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Accounts;

/// <summary>How long credentials live, and how soon a change to an account reaches the credentials already handed out.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Bearer (access) tokens are short-lived; apps renew them with their refresh token.</summary>
    [Range(1, 60, ErrorMessage = "Auth:AccessTokenMinutes must be between 1 and 60.")]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A refresh token not used for this long expires; each use hands out a new one.</summary>
    [Range(1, 90, ErrorMessage = "Auth:RefreshTokenDays must be between 1 and 90.")]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// The longest a lock, password change or role change may take to reach bearer tokens, cookies, hub connections and
    /// open pages. A user's standing is read at most every third of it; open connections and circuits are re-checked
    /// every two thirds, so the two together stay within it.
    /// </summary>
    [Range(1, 30, ErrorMessage = "Auth:RevalidateWithinSeconds must be between 1 and 30.")]
    public int RevalidateWithinSeconds { get; set; } = 30;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    public TimeSpan StandingCacheFor => TimeSpan.FromSeconds(RevalidateWithinSeconds) / 3;

    public TimeSpan RecheckEvery => TimeSpan.FromSeconds(RevalidateWithinSeconds) * 2 / 3;
}
