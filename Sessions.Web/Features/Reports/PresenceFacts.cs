namespace Sessions.Web.Features.Reports;

/// <summary>
/// One student's presence in a completed session, worked out from their stored stays: what the report says about minutes,
/// joins and punctuality is decided here, once.
/// </summary>
public static class PresenceFacts
{
    /// <summary>A student who first joined within this long after the actual start was on time.</summary>
    public static readonly TimeSpan PunctualWithin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The student's line: stays clipped to the actual start and end (a stay still open counts until the end), minutes
    /// present with overlapping stays (a reconnect from a second tab) counted once, one join per stored stay, punctual
    /// when the first join came within <see cref="PunctualWithin"/> of the actual start.
    /// </summary>
    public static StudentReportLine Line(string userId, string displayName, string email, IReadOnlyCollection<(DateTime JoinedUtc, DateTime? LeftUtc)> stays,
        DateTime actualStartUtc, DateTime actualEndUtc, int chatMessages)
    {
        var intervals = stays
            .Select(s => new PresenceInterval(Max(s.JoinedUtc, actualStartUtc), Min(s.LeftUtc ?? actualEndUtc, actualEndUtc)))
            .Where(i => i.LeftUtc > i.JoinedUtc)
            .OrderBy(i => i.JoinedUtc)
            .ToList();
        DateTime? firstJoined = intervals.Count > 0 ? intervals[0].JoinedUtc : null;
        return new StudentReportLine(userId, displayName, email, Attended: stays.Count > 0, firstJoined, Minutes(Merged(intervals).Sum(i => (i.LeftUtc - i.JoinedUtc).Ticks)),
            Joins: stays.Count, Punctual: firstJoined is { } first && first - actualStartUtc <= PunctualWithin, chatMessages, intervals);
    }

    /// <summary>Minutes as the report shows them: to a tenth.</summary>
    public static double Minutes(TimeSpan span) => Minutes(span.Ticks);

    private static double Minutes(long ticks) => Math.Round(TimeSpan.FromTicks(ticks).TotalMinutes, 1, MidpointRounding.AwayFromZero);

    /// <summary>Sorted intervals with the overlapping ones joined into one.</summary>
    private static IEnumerable<PresenceInterval> Merged(IReadOnlyList<PresenceInterval> sorted)
    {
        PresenceInterval? current = null;
        foreach (var next in sorted)
        {
            if (current is not null && next.JoinedUtc <= current.LeftUtc)
            {
                current = current with { LeftUtc = Max(current.LeftUtc, next.LeftUtc) };
                continue;
            }
            if (current is not null)
            {
                yield return current;
            }
            current = next;
        }
        if (current is not null)
        {
            yield return current;
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
