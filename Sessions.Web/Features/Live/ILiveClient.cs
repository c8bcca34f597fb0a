using Sessions.Web.Features.Live.Contract;

namespace Sessions.Web.Features.Live;

/// <summary>
/// The hub's contract with browsers and mobile apps; clients listen with <c>nameof(ILiveClient.SessionStarted)</c>. Every
/// method needs a <see cref="LiveEventAttribute"/>: the AsyncAPI document (<c>/asyncapi/v1.json</c>) is generated from it.
/// </summary>
public interface ILiveClient
{
    /// <summary>
    /// The connection's first message: from now on it hears its groups' events. A client that reads the current state
    /// (its class page, its sessions) after this message misses nothing in between.
    /// </summary>
    [LiveEvent(LiveAudience.Connection,
        "The connection's first message, once it is in its groups: read the current state after it and miss nothing.")]
    Task Subscribed(LiveSubscribedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "A session went live: students may join its room.")]
    Task SessionStarted(SessionStartedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "A session ended (by its educator, or after its wrap-up).")]
    Task SessionEnded(SessionEndedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "A session was booked (scheduled ahead, or instant before it starts).")]
    Task SessionScheduled(SessionScheduledMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "A scheduled session's title, description, start or duration changed.")]
    Task SessionUpdated(SessionUpdatedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator,
        "A session was cancelled before it started; the reason is `missed` when its time passed unstarted.")]
    Task SessionCancelled(SessionCancelledMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator,
        "A live session's booked time ran out: it completes at `endsAt` unless the educator ends it sooner.")]
    Task SessionWrapUp(SessionWrapUpMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator,
        "A live session was extended by `minutes`: it is now booked until `scheduledEnd`; a wrap-up that was running stopped and begins again then.")]
    Task SessionExtended(SessionExtendedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "Someone entered a session's room.")]
    Task ParticipantJoined(ParticipantJoinedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "Someone left a session's room (or their tab closed, or their connection was lost).")]
    Task ParticipantLeft(ParticipantLeftMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator,
        "A message was posted in a session's chat (acknowledged to its sender once stored); `message` is as the messages API answers it.")]
    Task ChatMessagePosted(ChatMessagePostedMessage message);

    [LiveEvent(LiveAudience.ClassAndEducator, "A chat message was deleted by its sender or a moderator: show it as removed.")]
    Task ChatMessageDeleted(ChatMessageDeletedMessage message);

    [LiveEvent(LiveAudience.Teachers,
        "A note or an issue (\"I can't hear\") was written into a live session's activity log: those who teach the class see it at once; `entry` is as the logs API answers it.")]
    Task ActivityLogged(ActivityLoggedMessage message);

    /// <summary>
    /// Sent to the user's own connections when they are enrolled in a class or removed from it: from then on they hear
    /// (or no longer hear) its sessions, without reconnecting.
    /// </summary>
    [LiveEvent(LiveAudience.User,
        "The user was enrolled in a class or removed from it (for an educator: made a co-educator of it, or no longer one): their open "
        + "connections now hear (or no longer hear) its sessions, without reconnecting.")]
    Task MembershipChanged(MembershipChangedMessage message);
}

/// <summary>
/// The groups a connection was put in (<c>class:{id}</c> for each class of a student or co-taught by an educator, <c>educator:{id}</c>).
/// </summary>
public sealed record LiveSubscribedMessage(IReadOnlyList<string> Groups);

/// <summary>
/// The user was enrolled in (<see cref="Enrolled"/>) or removed from a class; for an educator, made a co-educator of it or no longer one.
/// </summary>
public sealed record MembershipChangedMessage(int ClassId, bool Enrolled);
