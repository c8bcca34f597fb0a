using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Chat;

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

/// <summary>Someone entered a session's room.</summary>
public sealed record ParticipantJoinedMessage(
    Guid SessionId, int ClassId, string UserId, string DisplayName, uint RtcUid, DateTimeOffset JoinedAt)
    : LiveEvent(SessionId, ClassId);

/// <summary>Someone left a session's room (or their tab closed, or their connection was lost).</summary>
public sealed record ParticipantLeftMessage(Guid SessionId, int ClassId, string UserId, DateTimeOffset LeftAt)
    : LiveEvent(SessionId, ClassId);

/// <summary>A scheduled session's title, description, start or duration changed.</summary>
public sealed record SessionUpdatedMessage(
    Guid SessionId, int ClassId, string Title, string? Description, DateTimeOffset ScheduledStartDate, int DurationMinutes)
    : LiveEvent(SessionId, ClassId);

/// <summary>A session was cancelled before it started; <see cref="Reason"/> is <c>missed</c> when its time passed unstarted.</summary>
public sealed record SessionCancelledMessage(Guid SessionId, int ClassId, string? Reason, DateTimeOffset CancelledAt)
    : LiveEvent(SessionId, ClassId);

/// <summary>The booked duration ran out: the session completes at <see cref="EndsAt"/> unless the educator ends it sooner.</summary>
public sealed record SessionWrapUpMessage(Guid SessionId, int ClassId, DateTimeOffset EndsAt)
    : LiveEvent(SessionId, ClassId);

/// <summary>A live session was extended: it is booked until <see cref="ScheduledEnd"/>, and a running wrap-up stopped.</summary>
public sealed record SessionExtendedMessage(Guid SessionId, int ClassId, int Minutes, DateTimeOffset ScheduledEnd)
    : LiveEvent(SessionId, ClassId);

/// <summary>A chat message was stored in a session's chat.</summary>
public sealed record ChatMessagePostedMessage(Guid SessionId, int ClassId, ChatMessageDto Message)
    : LiveEvent(SessionId, ClassId);

/// <summary>A note or an issue was written into a session's activity log; <c>entry</c> is as the logs API answers it.</summary>
public sealed record ActivityLoggedMessage(Guid SessionId, int ClassId, ActivityEntryDto Entry)
    : LiveEvent(SessionId, ClassId);

/// <summary>A chat message was deleted: everyone shows it as removed.</summary>
public sealed record ChatMessageDeletedMessage(Guid SessionId, int ClassId, long MessageId)
    : LiveEvent(SessionId, ClassId);
