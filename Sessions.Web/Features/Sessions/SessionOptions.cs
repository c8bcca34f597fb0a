using System.ComponentModel.DataAnnotations;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Sessions;

public sealed class SessionOptions
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

    /// <summary>The latest a live session can end: the end of its wrap-up, set or still to come.</summary>
    public DateTime LatestEndOf(SessionSummary session) => session.WrapUpEndsUtc ?? session.BookedEndUtc.AddMinutesClamped(WrapUpMinutes);
}
