using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Accounts.Lockout;

/// <summary>How repeated wrong passwords slow a client down: per account and client, never the account as a whole.</summary>
public sealed class ClientLockoutOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords from one client for one account, within <see cref="FailureWindowMinutes"/>, before that client is locked out.</summary>
    [Range(1, 100, ErrorMessage = "SignIn:MaxFailures must be between 1 and 100.")]
    public int MaxFailures { get; set; } = 5;

    [Range(1, 1440, ErrorMessage = "SignIn:FailureWindowMinutes must be between 1 and 1440.")]
    public int FailureWindowMinutes { get; set; } = 15;

    [Range(1, 1440, ErrorMessage = "SignIn:LockoutMinutes must be between 1 and 1440.")]
    public int LockoutMinutes { get; set; } = 5;

    /// <summary>How long a browser or app that signed in successfully is recognised as its account owner's device.</summary>
    [Range(1, 730, ErrorMessage = "SignIn:DeviceCookieDays must be between 1 and 730.")]
    public int DeviceCookieDays { get; set; } = 365;

    public TimeSpan FailureWindow => TimeSpan.FromMinutes(FailureWindowMinutes);

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan DeviceCookieLifetime => TimeSpan.FromDays(DeviceCookieDays);
}
