using Microsoft.AspNetCore.SignalR;

namespace Sessions.Web.Features.Live;

/// <summary>One publish per event: to the hub's groups (browsers, mobile) and to in-process page subscriptions.</summary>
public sealed class LiveBroadcaster(IHubContext<LiveHub, ILiveClient> hub, LiveSubscriptions local)
{
    public Task PublishAsync(LiveEvent liveEvent, string educatorId)
    {
        string[] groups = [LiveGroups.ForClass(liveEvent.ClassId), LiveGroups.ForEducator(educatorId)];
        local.Publish(groups, liveEvent);
        var clients = hub.Clients.Groups(groups);
        return liveEvent switch
        {
            SessionStartedMessage started => clients.SessionStarted(started),
            SessionEndedMessage ended => clients.SessionEnded(ended),
            SessionScheduledMessage scheduled => clients.SessionScheduled(scheduled),
            SessionUpdatedMessage updated => clients.SessionUpdated(updated),
            SessionCancelledMessage cancelled => clients.SessionCancelled(cancelled),
            SessionWrapUpMessage wrapUp => clients.SessionWrapUp(wrapUp),
            ParticipantJoinedMessage joined => clients.ParticipantJoined(joined),
            ParticipantLeftMessage left => clients.ParticipantLeft(left),
            _ => throw new ArgumentOutOfRangeException(nameof(liveEvent), liveEvent.GetType().Name, "Unknown live event."),
        };
    }
}
