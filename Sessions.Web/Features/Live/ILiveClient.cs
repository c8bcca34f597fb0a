namespace Sessions.Web.Features.Live;

/// <summary>The hub's contract with browsers and mobile apps; clients listen with <c>nameof(ILiveClient.SessionStarted)</c>.</summary>
public interface ILiveClient
{
    Task SessionStarted(SessionStartedMessage message);
    Task SessionEnded(SessionEndedMessage message);
    Task SessionScheduled(SessionScheduledMessage message);
    Task SessionUpdated(SessionUpdatedMessage message);
    Task SessionCancelled(SessionCancelledMessage message);
    Task SessionWrapUp(SessionWrapUpMessage message);
    Task ParticipantJoined(ParticipantJoinedMessage message);
    Task ParticipantLeft(ParticipantLeftMessage message);
}
