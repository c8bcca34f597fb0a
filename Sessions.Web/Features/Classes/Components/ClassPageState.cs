using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>
/// What a class page shows: its live session and its upcoming list, read once and then kept current by the class's live
/// events alone, which carry all it needs, so thousands of open class pages cause no database reads.
/// </summary>
public sealed class ClassPageState
{
    private readonly List<UpcomingSessionView> _upcoming;

    private ClassPageState(LiveSessionView? live, IEnumerable<UpcomingSessionView> upcoming)
    {
        Live = live;
        _upcoming = [.. upcoming];
        SortUpcoming();
    }

    public LiveSessionView? Live { get; private set; }

    /// <summary>Scheduled and cancelled sessions, by start time.</summary>
    public IReadOnlyList<UpcomingSessionView> Upcoming => _upcoming;

    public static ClassPageState From(ClassSessions sessions) => new(
        sessions.Live is null ? null : LiveSessionView.From(sessions.Live),
        sessions.Upcoming.Concat(sessions.Cancelled).Select(UpcomingSessionView.From));

    public void Apply(LiveEvent liveEvent)
    {
        switch (liveEvent)
        {
            case SessionStartedMessage started:
                Live = LiveSessionView.From(started);
                Remove(started.SessionId);
                break;
            case SessionWrapUpMessage wrapUp when Live?.Id == wrapUp.SessionId:
                Live = Live with { WrapUpEndsUtc = wrapUp.EndsAt.UtcDateTime };
                break;
            case SessionEndedMessage ended when Live?.Id == ended.SessionId:
                Live = null;
                break;
            case SessionScheduledMessage scheduled:
                Put(UpcomingSessionView.From(scheduled));
                break;
            case SessionUpdatedMessage updated:
                Put(UpcomingSessionView.From(updated));
                break;
            case SessionCancelledMessage { Reason: Session.MissedReason } missed:
                // Its time has passed: there is nothing left to tell about it.
                Remove(missed.SessionId);
                break;
            case SessionCancelledMessage cancelled:
                MarkCancelled(cancelled);
                break;
        }
    }

    /// <summary>Adds the session, or replaces it as changed, in start order.</summary>
    private void Put(UpcomingSessionView session)
    {
        Remove(session.Id);
        _upcoming.Add(session);
        SortUpcoming();
    }

    private void MarkCancelled(SessionCancelledMessage cancelled)
    {
        var index = _upcoming.FindIndex(s => s.Id == cancelled.SessionId);
        if (index >= 0)
        {
            _upcoming[index] = _upcoming[index] with { IsCancelled = true, CancellationReason = cancelled.Reason };
        }
    }

    private void Remove(Guid sessionId) => _upcoming.RemoveAll(s => s.Id == sessionId);

    private void SortUpcoming() => _upcoming.Sort((a, b) => (a.StartUtc, a.Id).CompareTo((b.StartUtc, b.Id)));
}
