namespace Sessions.Web.Features.Live;

/// <summary>An event about a session, delivered to the members of its class and to its educator.</summary>
public abstract record LiveEvent(Guid SessionId, int ClassId);

public sealed record SessionStartedMessage(
    Guid SessionId, int ClassId, string Title, string EducatorName, DateTimeOffset ActualStartDate)
    : LiveEvent(SessionId, ClassId);

public sealed record SessionEndedMessage(Guid SessionId, int ClassId, DateTimeOffset ActualEndDate)
    : LiveEvent(SessionId, ClassId);

/// <summary>A newly booked session (scheduled ahead, or instant before it starts).</summary>
public sealed record SessionScheduledMessage(
    Guid SessionId, int ClassId, string Title, DateTimeOffset ScheduledStartDate, int DurationMinutes)
    : LiveEvent(SessionId, ClassId);
