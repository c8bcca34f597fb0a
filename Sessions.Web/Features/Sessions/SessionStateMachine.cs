using System.Linq.Expressions;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// The only moves a session's status can make: scheduled → in progress → wrap-up (end request pending) → completed,
/// an educator's end straight from in progress, an extension back from wrap-up to in progress, and scheduled → cancelled. Every state change in the portal is a
/// conditional UPDATE built from this table, so a move it does not list cannot happen.
/// </summary>
public static class SessionStateMachine
{
    private static readonly Dictionary<SessionStatus, SessionStatus[]> NextStatuses = new()
    {
        [SessionStatus.Scheduled] = [SessionStatus.InProgress, SessionStatus.Cancelled],
        [SessionStatus.InProgress] = [SessionStatus.EndRequestPending, SessionStatus.Completed],
        [SessionStatus.EndRequestPending] = [SessionStatus.InProgress, SessionStatus.Completed],
        [SessionStatus.Completed] = [],
        [SessionStatus.Cancelled] = [],
    };

    public static bool CanMove(SessionStatus from, SessionStatus to) => NextStatuses[from].Contains(to);

    /// <summary>The statuses a session may be in to move to <paramref name="to"/>.</summary>
    public static IReadOnlyList<SessionStatus> SourcesOf(SessionStatus to) =>
        [.. NextStatuses.Where(entry => entry.Value.Contains(to)).Select(entry => entry.Key)];

    /// <summary>The SQL side of <see cref="CanMove"/>: <c>Status IN (the sources of <paramref name="to"/>)</c>.</summary>
    public static Expression<Func<Session, bool>> CanMoveTo(SessionStatus to) => Session.StatusIn(SourcesOf(to));
}
