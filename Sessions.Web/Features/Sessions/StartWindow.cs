using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Session time: from <c>EarlyStartMinutes</c> before the scheduled start until the scheduled end (exclusive).
/// The service refuses a start outside it and the session card counts down to its opening.
/// </summary>
public readonly record struct StartWindow(DateTime OpensUtc, DateTime ClosesUtc)
{
    public static StartWindow For(DateTime scheduledStartUtc, int durationMinutes, int earlyStartMinutes) =>
        new(scheduledStartUtc.AddMinutesClamped(-earlyStartMinutes), scheduledStartUtc.AddMinutesClamped(durationMinutes));

    public bool IsOpenAt(DateTime utcNow) => utcNow >= OpensUtc && utcNow < ClosesUtc;

    public bool HasClosedAt(DateTime utcNow) => utcNow >= ClosesUtc;

    /// <summary>Time left until the window opens; zero once it has.</summary>
    public TimeSpan OpensIn(DateTime utcNow) => utcNow < OpensUtc ? OpensUtc - utcNow : TimeSpan.Zero;
}
