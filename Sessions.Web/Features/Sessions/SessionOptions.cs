using System.ComponentModel.DataAnnotations;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Sessions;

public sealed class SessionOptions : IValidatableObject
{
    public const string Section = "Sessions";

    /// <summary>How long before its scheduled start an educator may start a session.</summary>
    [Range(0, 60, ErrorMessage = "Sessions:EarlyStartMinutes must be between 0 and 60.")]
    public int EarlyStartMinutes { get; set; } = 5;

    /// <summary>How far ahead a scheduled session must be booked; 0 allows any time from now on.</summary>
    [Range(0, 10_080, ErrorMessage = "Sessions:MinLeadMinutes must be between 0 and 10080 (a week).")]
    public int MinLeadMinutes { get; set; }

    /// <summary>The countdown everyone in the room sees once the booked duration has run out, before the session completes.</summary>
    [Range(1, 15, ErrorMessage = "Sessions:WrapUpMinutes must be between 1 and 15.")]
    public int WrapUpMinutes { get; set; } = 2;

    /// <summary>
    /// How far back a booking or a reschedule may place a start. Not the booking rule (<see cref="MinLeadMinutes"/> is):
    /// a bound on what is plausible at all, so no stored time is ever near the ends of the calendar.
    /// </summary>
    [Range(0, 30, ErrorMessage = "Sessions:HorizonPastDays must be between 0 and 30.")]
    public int HorizonPastDays { get; set; } = 1;

    /// <summary>How far ahead a booking or a reschedule may place a start.</summary>
    [Range(1, 3660, ErrorMessage = "Sessions:HorizonFutureDays must be between 1 and 3660 (ten years).")]
    public int HorizonFutureDays { get; set; } = 730;

    /// <summary>The latest a live session can end: the end of its wrap-up, set or still to come.</summary>
    public DateTime LatestEndOf(SessionSummary session) => session.WrapUpEndsUtc ?? session.BookedEndUtc.AddMinutesClamped(WrapUpMinutes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeSpan.FromMinutes(MinLeadMinutes) >= TimeSpan.FromDays(HorizonFutureDays))
        {
            yield return new ValidationResult("Sessions:HorizonFutureDays must reach beyond Sessions:MinLeadMinutes, or no session could be booked.",
                [nameof(HorizonFutureDays), nameof(MinLeadMinutes)]);
        }
    }
}
