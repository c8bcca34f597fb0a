using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>The live session shown on a class page, built from the database or straight from a live event.</summary>
public sealed record LiveSessionView(Guid Id, string Title, string EducatorName, DateTime StartedUtc)
{
    public static LiveSessionView From(SessionSummary s) => new(s.Id, s.Title, s.EducatorName, s.ActualStartUtc!.Value);

    public static LiveSessionView From(SessionStartedMessage m) => new(m.SessionId, m.Title, m.EducatorName, m.ActualStartDate.UtcDateTime);
}

public sealed record UpcomingSessionView(Guid Id, string Title, DateTime StartUtc, int DurationMinutes)
{
    public static UpcomingSessionView From(SessionSummary s) => new(s.Id, s.Title, s.ScheduledStartUtc, s.DurationMinutes);

    public static UpcomingSessionView From(SessionScheduledMessage m) =>
        new(m.SessionId, m.Title, m.ScheduledStartDate.UtcDateTime, m.DurationMinutes);
}
