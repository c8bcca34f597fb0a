using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Infrastructure.RateLimiting;

/// <summary>
/// How often one caller may use the endpoints worth abusing. Signed-in callers are counted per account, anonymous ones
/// (sign-in, token refresh) per client IP address: a school behind one NAT address signs in through one count, so
/// <see cref="SignInPerMinute"/> should exceed the number of people who sign in together there.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000, ErrorMessage = "RateLimits:SignInPerMinute must be between 1 and 100000.")]
    public int SignInPerMinute { get; set; } = 300;

    [Range(1, 100_000, ErrorMessage = "RateLimits:RefreshPerMinute must be between 1 and 100000.")]
    public int RefreshPerMinute { get; set; } = 300;

    [Range(1, 1_000, ErrorMessage = "RateLimits:TokenRenewalsPerMinute must be between 1 and 1000.")]
    public int TokenRenewalsPerMinute { get; set; } = 10;

    [Range(1, 1_000, ErrorMessage = "RateLimits:RoomEntriesPerMinute must be between 1 and 1000.")]
    public int RoomEntriesPerMinute { get; set; } = 30;

    [Range(1, 1_000, ErrorMessage = "RateLimits:SessionCreationsPerMinute must be between 1 and 1000.")]
    public int SessionCreationsPerMinute { get; set; } = 20;

    [Range(1, 1_000, ErrorMessage = "RateLimits:ChatUploadsPerMinute must be between 1 and 1000.")]
    public int ChatUploadsPerMinute { get; set; } = 30;

    /// <summary>Calendar apps poll each feed every few minutes or hours; a school behind one address has many feeds.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:CalendarFeedsPerMinute must be between 1 and 100000.")]
    public int CalendarFeedsPerMinute { get; set; } = 300;

    [Range(1, 1_000, ErrorMessage = "RateLimits:HubConnectionsPerUser must be between 1 and 1000.")]
    public int HubConnectionsPerUser { get; set; } = 10;
}
