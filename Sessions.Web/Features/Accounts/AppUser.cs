using Microsoft.AspNetCore.Identity;

namespace Sessions.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id; every page shows times in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Set on an administrator created from configuration: their first sign-in leads to <c>/account</c> until they change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The user's stable numeric Agora RTC uid (1 … int.MaxValue, unique).</summary>
    public long RtcUid { get; set; }
}
