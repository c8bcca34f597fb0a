namespace Sessions.Web.Infrastructure.RateLimiting;

/// <summary>The named limits endpoints opt into with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Password checks (the API's login and the sign-in form), per client IP.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Refresh-token exchanges and revocations, per client IP.</summary>
    public const string TokenRefresh = "token-refresh";

    /// <summary>Renewals of a room's video tokens, per user.</summary>
    public const string TokenRenewal = "token-renewal";

    /// <summary>Joining and leaving rooms, per user.</summary>
    public const string RoomEntry = "room-entry";

    /// <summary>Booking sessions, per user.</summary>
    public const string SessionCreation = "session-creation";

    /// <summary>Chat attachment uploads, per user: each one is disk space and an image re-encoding.</summary>
    public const string ChatUpload = "chat-upload";

    /// <summary>Reads of the private calendar feeds, per client IP: the feed is anonymous, its token the only secret.</summary>
    public const string CalendarFeed = "calendar-feed";

    /// <summary>Open connections to the live hub at once, per user.</summary>
    public const string HubConnections = "hub-connections";
}
