using Microsoft.AspNetCore.SignalR;
using Sessions.Web.Features.Live.Bus;

namespace Sessions.Web.Features.Live;

/// <summary>
/// Delivers what the bus carries to this process only: its in-process page subscriptions and its own hub connections. The hub
/// context has no backplane, so a send here never reaches another instance; that is what keeps a bus message from arriving twice.
/// </summary>
public sealed class LiveDelivery(IHubContext<LiveHub, ILiveClient> hub, LiveSubscriptions local, LiveConnections connections)
{
    public Task DeliverAsync(LiveBusMessage message, CancellationToken ct) => message switch
    {
        LiveBusEvent sent => SendAsync(sent.Event, sent.EducatorId),
        LiveBusMembership moved => MoveAsync(moved.UserId, moved.Change, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Unknown live bus message."),
    };

    private Task SendAsync(LiveEvent liveEvent, string educatorId)
    {
        if (liveEvent is ActivityLoggedMessage logged)
        {
            // A student's issue is for those who teach, not for the other students in the class group: it is published once
            // per teacher, each time for that teacher's own group.
            var educator = LiveGroups.ForEducator(educatorId);
            local.Publish([educator], logged);
            return hub.Clients.Group(educator).ActivityLogged(logged);
        }
        string[] groups = [LiveGroups.ForClass(liveEvent.ClassId), LiveGroups.ForEducator(educatorId)];
        // Pages also hear it school-wide (the admin overview); hub clients only in the class's and educator's groups.
        local.Publish([.. groups, LiveGroups.School], liveEvent);
        var clients = hub.Clients.Groups(groups);
        return liveEvent switch
        {
            SessionStartedMessage started => clients.SessionStarted(started),
            SessionEndedMessage ended => clients.SessionEnded(ended),
            SessionScheduledMessage scheduled => clients.SessionScheduled(scheduled),
            SessionUpdatedMessage updated => clients.SessionUpdated(updated),
            SessionCancelledMessage cancelled => clients.SessionCancelled(cancelled),
            SessionWrapUpMessage wrapUp => clients.SessionWrapUp(wrapUp),
            SessionExtendedMessage extended => clients.SessionExtended(extended),
            ParticipantJoinedMessage joined => clients.ParticipantJoined(joined),
            ParticipantLeftMessage left => clients.ParticipantLeft(left),
            ChatMessagePostedMessage posted => clients.ChatMessagePosted(posted),
            ChatMessageDeletedMessage deleted => clients.ChatMessageDeleted(deleted),
            _ => throw new ArgumentOutOfRangeException(nameof(liveEvent), liveEvent.GetType().Name, "Unknown live event."),
        };
    }

    private async Task MoveAsync(string userId, MembershipChangedMessage change, CancellationToken ct)
    {
        var group = LiveGroups.ForClass(change.ClassId);
        IReadOnlyList<LiveConnection> open;
        // The hub takes the same lock while it puts a new connection in its groups, so a connection opening now is not missed.
        using (await connections.LockAsync(userId, ct))
        {
            open = connections.Of(userId);
            foreach (var connection in open)
            {
                var connectionId = connection.Context.ConnectionId;
                await (change.Enrolled
                    ? hub.Groups.AddToGroupAsync(connectionId, group, ct)
                    : hub.Groups.RemoveFromGroupAsync(connectionId, group, ct));
            }
        }
        local.MembershipChanged(userId, change);
        await hub.Clients.Clients([.. open.Select(c => c.Context.ConnectionId)]).MembershipChanged(change);
    }
}
