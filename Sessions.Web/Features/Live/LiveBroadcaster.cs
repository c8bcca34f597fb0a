using Microsoft.AspNetCore.SignalR;

namespace Sessions.Web.Features.Live;

/// <summary>One publish per event: to the hub's groups (browsers, mobile) and to in-process page subscriptions.</summary>
public sealed class LiveBroadcaster(IHubContext<LiveHub, ILiveClient> hub, LiveSubscriptions local, LiveConnections connections)
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

    /// <summary>
    /// After a roster change is stored: the user's open connections join or leave the class's group at once (groups are
    /// otherwise set only when a connection opens), their open pages stop hearing a class they left, and their apps are told.
    /// </summary>
    public async Task MembershipChangedAsync(string userId, int classId, bool enrolled, CancellationToken ct)
    {
        var group = LiveGroups.ForClass(classId);
        IReadOnlyList<LiveConnection> open;
        using (await connections.LockAsync(userId, ct))
        {
            open = connections.Of(userId);
            foreach (var connection in open)
            {
                var connectionId = connection.Context.ConnectionId;
                await (enrolled ? hub.Groups.AddToGroupAsync(connectionId, group, ct) : hub.Groups.RemoveFromGroupAsync(connectionId, group, ct));
            }
        }
        if (!enrolled)
        {
            local.RemoveUser(userId, group);
        }
        await hub.Clients.Clients([.. open.Select(c => c.Context.ConnectionId)]).MembershipChanged(new MembershipChangedMessage(classId, enrolled));
    }
}
