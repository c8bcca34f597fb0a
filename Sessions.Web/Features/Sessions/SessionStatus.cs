namespace Sessions.Web.Features.Sessions;

public enum SessionStatus
{
    Scheduled,
    InProgress,
    EndRequestPending,
    Completed,
    Cancelled,
}

public enum SessionType
{
    Scheduled,
    Instant,
}

/// <summary>What a status means, stated once for queries (<see cref="Session.IsLive"/>) and for sessions in memory alike.</summary>
public static class SessionStatusRules
{
    /// <summary>In progress, or wrapping up: the room is open and the educator counts as live.</summary>
    public static readonly IReadOnlyList<SessionStatus> Live = [SessionStatus.InProgress, SessionStatus.EndRequestPending];

    public static bool IsLive(this SessionStatus status) => Live.Contains(status);
}
