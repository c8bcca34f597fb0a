using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Live.Contract;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// Who hears each hub event, over real sockets: the audience its <see cref="LiveEventAttribute"/> documents (and the
/// AsyncAPI document publishes), nobody else. Every event sent to groups or users needs a row; one added without fails.
/// </summary>
public sealed class HubEventMatrixTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    /// <summary>What makes the event happen in a fresh scene, and the session it needs.</summary>
    private static readonly Dictionary<string, (SessionNeed Need, Func<MatrixApp, MatrixScene, Task> Before, Func<MatrixApp, MatrixScene, Task> Cause)> Events = new()
    {
        [nameof(ILiveClient.SessionScheduled)] = (SessionNeed.Tomorrow, Nothing, (m, s) => Bookings(m).CreateAsync(m.Actor(MatrixRole.OwningEducator),
            new NewSession(s.ClassId, SessionType.Scheduled, "Probe", null, m.App.Time.GetUtcNow().UtcDateTime.AddDays(2), 30), default)),
        [nameof(ILiveClient.SessionUpdated)] = (SessionNeed.Tomorrow, Nothing,
            (m, s) => Bookings(m).UpdateAsync(m.Actor(MatrixRole.OwningEducator), s.SessionId, new SessionChanges(Title: "Renamed"), default)),
        [nameof(ILiveClient.SessionCancelled)] = (SessionNeed.Tomorrow, Nothing,
            (m, s) => Bookings(m).CancelAsync(m.Actor(MatrixRole.OwningEducator), s.SessionId, "Snow day", default)),
        [nameof(ILiveClient.SessionStarted)] = (SessionNeed.StartableNow, Nothing,
            (m, s) => Sessions(m).StartAsync(m.Actor(MatrixRole.OwningEducator), s.SessionId, default)),
        [nameof(ILiveClient.SessionWrapUp)] = (SessionNeed.Live, Nothing, BeginWrapUpAsync),
        [nameof(ILiveClient.SessionExtended)] = (SessionNeed.Live, Nothing,
            (m, s) => Sessions(m).ExtendAsync(m.Actor(MatrixRole.OwningEducator), s.SessionId, 5, default)),
        [nameof(ILiveClient.SessionEnded)] = (SessionNeed.Live, Nothing,
            (m, s) => Sessions(m).EndAsync(m.Actor(MatrixRole.OwningEducator), s.SessionId, default)),
        [nameof(ILiveClient.ParticipantJoined)] = (SessionNeed.Live, Nothing,
            (m, s) => Rooms(m).JoinAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId, default)),
        [nameof(ILiveClient.ParticipantLeft)] = (SessionNeed.Live, (m, s) => Rooms(m).JoinAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId, default),
            (m, s) => Rooms(m).LeaveAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId, default)),
        [nameof(ILiveClient.ChatMessagePosted)] = (SessionNeed.Live, Nothing, (m, s) => Chat(m).SendAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId,
            new SendChatMessageRequest(Guid.NewGuid(), "Probe", null), default)),
        [nameof(ILiveClient.ChatMessageDeleted)] = (SessionNeed.Live,
            (m, s) => Chat(m).SendAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId, new SendChatMessageRequest(ProbeMessage(s), "Probe", null), default),
            DeleteProbeMessageAsync),
        [nameof(ILiveClient.ActivityLogged)] = (SessionNeed.Live, Nothing, (m, s) => m.App.Services.GetRequiredService<ActivityLog>()
            .WriteAsync(m.Actor(MatrixRole.EnrolledStudent), s.SessionId, new WriteActivityRequest(ActivityKinds.Issue, "I can't hear"), default)),
        // The user it is about is the scene's enrolled student.
        [nameof(ILiveClient.MembershipChanged)] = (SessionNeed.Tomorrow, Nothing,
            (m, s) => m.App.WithScopedAsync((ClassRoster roster) => roster.UnenrollAsync(m.Actor(MatrixRole.OwningEducator), s.ClassId, s.EnrolledStudentId, default))),
    };

    public static TheoryData<string> EventNames() => [.. Events.Keys];

    /// <summary>The roles of a scene that must hear an event sent to <paramref name="audience"/>.</summary>
    private static MatrixRole[] Hear(LiveAudience audience) => audience switch
    {
        // The co-educator's connection is in the class group: they hear what the class hears.
        LiveAudience.ClassAndEducator => [MatrixRole.EnrolledStudent, MatrixRole.OwningEducator, MatrixRole.CoEducator],
        LiveAudience.User => [MatrixRole.EnrolledStudent],
        LiveAudience.Teachers => [MatrixRole.OwningEducator, MatrixRole.CoEducator],
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Not sent to groups or users: no row in this matrix."),
    };

    private static MatrixRole[] Hear(string eventName) => Hear(LiveEventDescription.All().Single(e => e.Name == eventName).Audience);

    [Fact]
    public void Every_hub_event_has_a_row()
    {
        // What a connection hears about itself (Subscribed) is proven by the groups test below.
        var events = LiveEventDescription.All().Where(e => e.Audience != LiveAudience.Connection).Select(e => e.Name).Order();

        Assert.Equal(events, Events.Keys.Order());
    }

    [Fact]
    public async Task A_connection_is_put_in_the_groups_of_its_own_classes_only()
    {
        var scene = await matrix.ArrangeAsync(SessionNeed.Tomorrow);
        var classGroup = LiveGroups.ForClass(scene.ClassId);

        var groups = new Dictionary<MatrixRole, IReadOnlyList<string>>();
        foreach (var role in SignedInRoles)
        {
            await using var listener = await LiveListener.ConnectAsync(matrix.App, matrix.Person(role));
            groups[role] = listener.Groups;
        }

        Assert.Contains(classGroup, groups[MatrixRole.EnrolledStudent]);
        Assert.Contains(LiveGroups.ForEducator(scene.OwnerId), groups[MatrixRole.OwningEducator]);
        Assert.Contains(classGroup, groups[MatrixRole.CoEducator]);
        Assert.DoesNotContain(LiveGroups.ForEducator(scene.OwnerId), groups[MatrixRole.CoEducator]);
        Assert.DoesNotContain(classGroup, groups[MatrixRole.OtherStudent]);
        Assert.DoesNotContain(groups[MatrixRole.OtherEducator], g => g == classGroup || g == LiveGroups.ForEducator(scene.OwnerId));
        // Admins may act on any session but listen to none: nothing can reach their connections.
        Assert.Empty(groups[MatrixRole.Admin]);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public async Task Only_those_concerned_hear_an_event(string eventName)
    {
        var (need, before, cause) = Events[eventName];
        var hear = Hear(eventName);
        var scene = await matrix.ArrangeAsync(need);
        await before(matrix, scene);
        var listeners = new Dictionary<MatrixRole, LiveListener>();
        try
        {
            foreach (var role in SignedInRoles)
            {
                listeners[role] = await LiveListener.ConnectAsync(matrix.App, matrix.Person(role));
            }

            await cause(matrix, scene);
            await matrix.StartSentinelAsync(scene);

            foreach (var role in hear)
            {
                // Payload types are the event's name and "Message" (ChatMessagePosted's is ChatMessagePostedMessage).
                Assert.Equal(eventName + "Message", (await listeners[role].NextAsync()).GetType().Name);
            }
            // Those not concerned hear the sentinel first: had the event reached them, it would have come before it.
            foreach (var role in new[] { MatrixRole.OtherStudent, MatrixRole.OtherEducator }.Except(hear))
            {
                Assert.Equal(scene.SentinelSessionId, (await listeners[role].NextAsync<SessionStartedMessage>()).SessionId);
            }
            Assert.Empty(listeners[MatrixRole.Admin].Groups);
        }
        finally
        {
            foreach (var listener in listeners.Values)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private static readonly MatrixRole[] SignedInRoles = [.. Enum.GetValues<MatrixRole>().Where(r => r != MatrixRole.Anonymous)];

    private static Task Nothing(MatrixApp matrix, MatrixScene scene) => Task.CompletedTask;

    private static SessionBookings Bookings(MatrixApp m) => m.App.Services.GetRequiredService<SessionBookings>();

    private static SessionService Sessions(MatrixApp m) => m.App.Services.GetRequiredService<SessionService>();

    private static RoomService Rooms(MatrixApp m) => m.App.Services.GetRequiredService<RoomService>();

    private static ChatService Chat(MatrixApp m) => m.App.Services.GetRequiredService<ChatService>();

    /// <summary>The client id of the message the scene's student posts before the deletion (one per scene: the session's id).</summary>
    private static Guid ProbeMessage(MatrixScene scene) => scene.SessionId;

    private static async Task DeleteProbeMessageAsync(MatrixApp m, MatrixScene scene)
    {
        var posted = await Chat(m).SendAsync(m.Actor(MatrixRole.EnrolledStudent), scene.SessionId, new SendChatMessageRequest(ProbeMessage(scene), "Probe", null), default);
        Assert.Null((await Chat(m).DeleteAsync(m.Actor(MatrixRole.OwningEducator), scene.SessionId, posted.Value!.Id, default)).Error);
    }

    /// <summary>The lifecycle worker's move at the booked end.</summary>
    private static async Task BeginWrapUpAsync(MatrixApp m, MatrixScene scene)
    {
        await using var db = await m.App.Data.DbAsync();
        var session = (await SessionSummary.FindAsync(db, scene.SessionId, default))!;
        Assert.True(await m.App.Services.GetRequiredService<SessionTransitions>().BeginWrapUpAsync(db, session, m.App.Time.GetUtcNow().UtcDateTime, default));
    }
}
