using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Calendar.Components;

/// <summary>Where the calendar's links lead.</summary>
public static class CalendarLinks
{
    public const string Page = "/calendar";

    public static string SessionFile(Guid sessionId) => $"{SessionEndpoints.ApiGroup}/{sessionId}/calendar.ics";

    /// <summary>A session's page for what it is now: the room while live, the report once completed, else its class.</summary>
    public static string For(CalendarEntry entry) => entry.Status switch
    {
        SessionStatus.InProgress or SessionStatus.EndRequestPending => $"/sessions/{entry.SessionId}/room",
        SessionStatus.Completed => $"/sessions/{entry.SessionId}/report",
        _ => $"/classes/{entry.ClassId}",
    };
}
