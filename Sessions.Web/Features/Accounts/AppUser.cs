using Microsoft.AspNetCore.Identity;

namespace Sessions.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id; every page shows times in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>The user's stable numeric Agora RTC uid (1 … int.MaxValue, unique).</summary>
    public long RtcUid { get; set; }
}
