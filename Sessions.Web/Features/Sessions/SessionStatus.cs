using System.Text.Json;

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

/// <summary>The wire names (<c>in_progress</c>, …) used in SQLite, JSON and the UI, from one naming rule.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string wireName) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(wireName.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}

/// <summary>What a status means, stated once for queries (<see cref="Session.IsLive"/>) and for sessions in memory alike.</summary>
public static class SessionStatusRules
{
    /// <summary>In progress, or wrapping up: the room is open and the educator counts as live.</summary>
    public static readonly IReadOnlyList<SessionStatus> Live = [SessionStatus.InProgress, SessionStatus.EndRequestPending];

    public static bool IsLive(this SessionStatus status) => Live.Contains(status);
}
