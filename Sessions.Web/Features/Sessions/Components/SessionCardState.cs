namespace Sessions.Web.Features.Sessions.Components;

public enum SessionCardPhase
{
    /// <summary>Scheduled, its start window not yet open: Start is disabled and counts down.</summary>
    Waiting,
    /// <summary>Scheduled and inside its start window: Start is enabled.</summary>
    Startable,
    /// <summary>Its window closed unstarted: cancelled as missed, or about to be by the lifecycle worker.</summary>
    Missed,
    Live,
    /// <summary>The booked time is over: the session completes when the wrap-up countdown ends, or when the educator ends it.</summary>
    WrappingUp,
    Ended,
    /// <summary>Called off by its educator, with or without a reason.</summary>
    Cancelled,
}

/// <summary>What a session card shows at a given moment; derived, never stored.</summary>
public readonly record struct SessionCardState(SessionCardPhase Phase, TimeSpan OpensIn, TimeSpan Elapsed, TimeSpan EndsIn)
{
    /// <summary>Edit and cancel are for sessions that are still scheduled and can still start.</summary>
    public bool CanChange => Phase is SessionCardPhase.Waiting or SessionCardPhase.Startable;

    public static SessionCardState At(SessionSummary session, StartWindow window, DateTime utcNow) => session.Status switch
    {
        SessionStatus.InProgress => new(SessionCardPhase.Live, TimeSpan.Zero, utcNow - session.ActualStartUtc!.Value, TimeSpan.Zero),
        SessionStatus.EndRequestPending => new(SessionCardPhase.WrappingUp, TimeSpan.Zero, utcNow - session.ActualStartUtc!.Value,
            Remaining(session.WrapUpEndsUtc!.Value, utcNow)),
        SessionStatus.Completed => Only(SessionCardPhase.Ended),
        SessionStatus.Cancelled => Only(session.WasMissed ? SessionCardPhase.Missed : SessionCardPhase.Cancelled),
        _ when window.HasClosedAt(utcNow) => Only(SessionCardPhase.Missed),
        _ when window.IsOpenAt(utcNow) => Only(SessionCardPhase.Startable),
        _ => Only(SessionCardPhase.Waiting) with { OpensIn = window.OpensIn(utcNow) },
    };

    private static SessionCardState Only(SessionCardPhase phase) => new(phase, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    private static TimeSpan Remaining(DateTime endsUtc, DateTime utcNow) => endsUtc > utcNow ? endsUtc - utcNow : TimeSpan.Zero;
}
