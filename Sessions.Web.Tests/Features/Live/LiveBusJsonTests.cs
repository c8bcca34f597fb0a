using Sessions.Web.Features.Live;
using Sessions.Web.Features.Live.Bus;

namespace Sessions.Web.Tests.Features.Live;

/// <summary>The bus's JSON: every event type has a wire name, and what crosses comes back as it left.</summary>
public sealed class LiveBusJsonTests
{
    [Fact]
    public void Every_live_event_type_has_a_wire_name()
    {
        var events = typeof(LiveEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LiveEvent)) && !t.IsAbstract);

        Assert.Equal(events.OrderBy(t => t.Name), LiveBusJson.EventTypes.Keys.OrderBy(t => t.Name));
        Assert.Equal(LiveBusJson.EventTypes.Count, LiveBusJson.EventTypes.Values.Distinct().Count());
    }

    [Fact]
    public void An_event_and_a_membership_change_round_trip()
    {
        LiveBusMessage[] messages =
        [
            new LiveBusEvent(new SessionStartedMessage(Guid.NewGuid(), 7, "Fractions", "Mr. Live", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)), "educator-1"),
            new LiveBusEvent(new SessionCancelledMessage(Guid.NewGuid(), 7, null, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)), "educator-1"),
            new LiveBusMembership("student-1", new MembershipChangedMessage(7, Enrolled: false)),
        ];

        foreach (var message in messages)
        {
            Assert.Equal(message, LiveBusJson.Deserialize(LiveBusJson.Serialize(message)));
        }
    }
}
