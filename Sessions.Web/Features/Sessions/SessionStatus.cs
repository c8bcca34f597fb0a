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

    public static bool IsLive(this SessionStatus status) =>
        status is SessionStatus.InProgress or SessionStatus.EndRequestPending;
}
