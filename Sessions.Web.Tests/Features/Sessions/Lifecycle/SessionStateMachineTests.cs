using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

public sealed class SessionStateMachineTests
{
    private static readonly HashSet<(SessionStatus, SessionStatus)> Allowed =
    [
        (SessionStatus.Scheduled, SessionStatus.InProgress),
        (SessionStatus.Scheduled, SessionStatus.Cancelled),
        (SessionStatus.InProgress, SessionStatus.EndRequestPending),
        (SessionStatus.InProgress, SessionStatus.Completed),
        (SessionStatus.EndRequestPending, SessionStatus.InProgress),
        (SessionStatus.EndRequestPending, SessionStatus.Completed),
    ];

    public static TheoryData<SessionStatus, SessionStatus> EveryPair()
    {
        var pairs = new TheoryData<SessionStatus, SessionStatus>();
        foreach (var from in Enum.GetValues<SessionStatus>())
        {
            foreach (var to in Enum.GetValues<SessionStatus>())
            {
                pairs.Add(from, to);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_the_lifecycle_moves_are_allowed(SessionStatus from, SessionStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), SessionStateMachine.CanMove(from, to));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_sql_condition_agrees_with_the_table(SessionStatus from, SessionStatus to)
    {
        var session = new Session { EducatorId = "e", Title = "t", ChannelName = "c", Status = from };

        Assert.Equal(SessionStateMachine.CanMove(from, to), SessionStateMachine.CanMoveTo(to).Compile()(session));
    }

    [Fact]
    public void Completed_and_cancelled_are_final()
    {
        Assert.All(Enum.GetValues<SessionStatus>(), to =>
        {
            Assert.False(SessionStateMachine.CanMove(SessionStatus.Completed, to));
            Assert.False(SessionStateMachine.CanMove(SessionStatus.Cancelled, to));
        });
    }
}
