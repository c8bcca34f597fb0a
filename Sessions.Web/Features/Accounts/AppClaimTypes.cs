namespace Sessions.Web.Features.Accounts;

/// <summary>Claims we add to the sign-in principal so pages need no database read to show a name or a local time.</summary>
public static class AppClaimTypes
{
    public const string DisplayName = "sessions:display_name";
    public const string TimeZone = "sessions:time_zone";
}
