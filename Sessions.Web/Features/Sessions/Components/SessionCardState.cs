namespace Sessions.Web.Features.Sessions.Components;

public enum SessionCardPhase
{
    /// <summary>Scheduled, its start window not yet open: Start is disabled and counts down.</summary>
    Waiting,
    /// <summary>Scheduled and inside its start window: Start is enabled.</summary>
    Startable,
    /// <summary>Scheduled, but its window closed unstarted.</summary>
    Missed,
    Live,
    Ended,
    Cancelled,
}

/// <summary>What a session card shows at a given moment; derived, never stored.</summary>
public readonly record struct SessionCardState(SessionCardPhase Phase, TimeSpan OpensIn, TimeSpan Elapsed)
{
    public static SessionCardState At(SessionSummary session, StartWindow window, DateTime utcNow) => session.Status switch
    {
        SessionStatus.InProgress or SessionStatus.EndRequestPending =>
            new(SessionCardPhase.Live, TimeSpan.Zero, utcNow - session.ActualStartUtc!.Value),
        SessionStatus.Completed => new(SessionCardPhase.Ended, TimeSpan.Zero, TimeSpan.Zero),
        SessionStatus.Cancelled => new(SessionCardPhase.Cancelled, TimeSpan.Zero, TimeSpan.Zero),
        _ when window.HasClosedAt(utcNow) => new(SessionCardPhase.Missed, TimeSpan.Zero, TimeSpan.Zero),
        _ when window.IsOpenAt(utcNow) => new(SessionCardPhase.Startable, TimeSpan.Zero, TimeSpan.Zero),
        _ => new(SessionCardPhase.Waiting, window.OpensIn(utcNow), TimeSpan.Zero),
    };
}
