using Microsoft.AspNetCore.Identity;

namespace Sessions.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id; every page shows times in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Set on an administrator created from configuration: their first sign-in leads to <c>/account</c> until they change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The language chosen on <c>/account</c> or with the language switch (a <c>Cultures:Supported</c> name); none: the browser's.</summary>
    public string? Culture { get; set; }

    /// <summary>A <see cref="Accounts.ClockPreference"/>; none: the language's clock.</summary>
    public string? ClockPreference { get; set; }

    /// <summary>A <see cref="Accounts.DigitPreference"/>; none: the language's digits.</summary>
    public string? DigitPreference { get; set; }

    /// <summary>The user's stable numeric Agora RTC uid (1 … int.MaxValue, unique).</summary>
    public long RtcUid { get; set; }
}
