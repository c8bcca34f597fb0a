using Sessions.Web.Features.Live.Bus;

namespace Sessions.Web.Features.Live;

/// <summary>
/// The single publish point for live events and roster moves. It hands each one to the bus once; the bus brings it back to
/// <see cref="LiveDelivery"/> in every instance (only this one when there is no Redis), which feeds that instance's pages and hub clients.
/// </summary>
public sealed class LiveBroadcaster(ILiveBus bus)
{
    public Task PublishAsync(LiveEvent liveEvent, string educatorId) =>
        bus.PublishAsync(new LiveBusEvent(liveEvent, educatorId), CancellationToken.None);

    /// <summary>
    /// After a roster change is stored: the user's open connections, on whichever instance, join or leave the class's group at once
    /// (groups are otherwise set only when a connection opens), their open pages stop hearing a class they left, and their apps are told.
    /// </summary>
    public Task MembershipChangedAsync(string userId, int classId, bool enrolled, CancellationToken ct) =>
        bus.PublishAsync(new LiveBusMembership(userId, new MembershipChangedMessage(classId, enrolled)), ct);
}
