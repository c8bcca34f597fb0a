using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>
/// The live session shown on a class page, built from the database or straight from live events;
/// <see cref="WrapUpEndsUtc"/> is set once its booked time is over and it counts down to its end.
/// </summary>
public sealed record LiveSessionView(Guid Id, string Title, string EducatorName, DateTime StartedUtc, DateTime? WrapUpEndsUtc = null)
{
    public static LiveSessionView From(SessionSummary s) => new(s.Id, s.Title, s.EducatorName, s.ActualStartUtc!.Value, s.WrapUpEndsUtc);

    public static LiveSessionView From(SessionStartedMessage m) => new(m.SessionId, m.Title, m.EducatorName, m.ActualStartDate.UtcDateTime);
}

/// <summary>A session on the class page's upcoming list; a cancelled one stays on it, marked, with its reason if one was given.</summary>
public sealed record UpcomingSessionView(
    Guid Id, string Title, DateTime StartUtc, int DurationMinutes, bool IsCancelled = false, string? CancellationReason = null)
{
    public static UpcomingSessionView From(SessionSummary s) =>
        new(s.Id, s.Title, s.ScheduledStartUtc, s.DurationMinutes, s.Status == SessionStatus.Cancelled, s.CancellationReason);

    public static UpcomingSessionView From(SessionScheduledMessage m) =>
        new(m.SessionId, m.Title, m.ScheduledStartDate.UtcDateTime, m.DurationMinutes);

    public static UpcomingSessionView From(SessionUpdatedMessage m) =>
        new(m.SessionId, m.Title, m.ScheduledStartDate.UtcDateTime, m.DurationMinutes);
}
