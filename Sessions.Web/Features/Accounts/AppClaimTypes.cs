namespace Sessions.Web.Features.Accounts;

/// <summary>Claims we add to the sign-in principal so pages need no database read to show a name or a local time.</summary>
public static class AppClaimTypes
{
    public const string DisplayName = "sessions:display_name";
    public const string TimeZone = "sessions:time_zone";

    /// <summary>Present while the account must change its password before doing anything else.</summary>
    public const string MustChangePassword = "sessions:must_change_password";
}
