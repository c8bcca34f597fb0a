namespace Sessions.Web.Features.Accounts;

/// <summary>Claims we add to the sign-in principal so pages need no database read to show a name or a local time.</summary>
public static class AppClaimTypes
{
    public const string DisplayName = "sessions:display_name";
    public const string TimeZone = "sessions:time_zone";

    /// <summary>The account's language and formats, present only when chosen: what the request's culture follows first.</summary>
    public const string Culture = "sessions:culture";
    public const string Clock = "sessions:clock";
    public const string Digits = "sessions:digits";

    /// <summary>Present while the account must change its password before doing anything else.</summary>
    public const string MustChangePassword = "sessions:must_change_password";
}
