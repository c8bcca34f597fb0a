namespace Sessions.Web.Features.Live;

/// <summary>The hub's contract with browsers and mobile apps; clients listen with <c>nameof(ILiveClient.SessionStarted)</c>.</summary>
public interface ILiveClient
{
    /// <summary>
    /// The connection's first message: from now on it hears its groups' events. A client that reads the current state
    /// (its class page, its sessions) after this message misses nothing in between.
    /// </summary>
    Task Subscribed(LiveSubscribedMessage message);

    Task SessionStarted(SessionStartedMessage message);
    Task SessionEnded(SessionEndedMessage message);
    Task SessionScheduled(SessionScheduledMessage message);
    Task SessionUpdated(SessionUpdatedMessage message);
    Task SessionCancelled(SessionCancelledMessage message);
    Task SessionWrapUp(SessionWrapUpMessage message);
    Task ParticipantJoined(ParticipantJoinedMessage message);
    Task ParticipantLeft(ParticipantLeftMessage message);

    /// <summary>
    /// Sent to the user's own connections when they are enrolled in a class or removed from it: from then on they hear
    /// (or no longer hear) its sessions, without reconnecting.
    /// </summary>
    Task MembershipChanged(MembershipChangedMessage message);
}

/// <summary>The groups a connection was put in (<c>class:{id}</c> for each class of a student, <c>educator:{id}</c>).</summary>
public sealed record LiveSubscribedMessage(IReadOnlyList<string> Groups);

/// <summary>The user was enrolled in (<see cref="Enrolled"/>) or removed from a class.</summary>
public sealed record MembershipChangedMessage(int ClassId, bool Enrolled);
