using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// The starts of a weekly series, as UTC instants, computed on the educator's wall clock: every occurrence starts at the
/// same local time of day as the first, whatever daylight saving time does in between.
/// <list type="bullet">
/// <item>The first occurrence is the requested start itself when its local weekday is one of the days; otherwise the next
/// chosen day at the same local time.</item>
/// <item>A local time the clocks skip that day (spring forward) moves forward by the length of the gap: 02:30 on the
/// night New York goes from 02:00 to 03:00 becomes 03:30, NodaTime's lenient rule. A time the clocks repeat (autumn) takes
/// its first occurrence, the daylight one, as <see cref="UserTime.TryToUtc"/> does for single bookings.</item>
/// </list>
/// </summary>
public static class SeriesOccurrences
{
    /// <summary>
    /// The starts, at most <see cref="WeeklyRecurrence.MaxOccurrences"/> + 1 of them: one more than allowed says the rule
    /// asks for too many, without walking a far end date to its end.
    /// </summary>
    public static IReadOnlyList<DateTime> Of(DateTime firstStartUtc, TimeZoneInfo zone, WeeklyRecurrence rule)
    {
        if (rule.Days.Count == 0)
        {
            return [];
        }
        var wallClock = new UserTime(zone);
        var localStart = wallClock.ToLocal(firstStartUtc);
        var wanted = Math.Min(rule.Count ?? int.MaxValue, WeeklyRecurrence.MaxOccurrences + 1);
        var starts = new List<DateTime>();
        for (var day = DateOnly.FromDateTime(localStart); starts.Count < wanted && (rule.Until is not { } until || day <= until); day = day.AddDays(1))
        {
            if (!rule.Days.Contains(day.DayOfWeek))
            {
                continue;
            }
            starts.Add(starts.Count == 0 && day == DateOnly.FromDateTime(localStart)
                ? DateTime.SpecifyKind(firstStartUtc, DateTimeKind.Utc)
                : Resolve(wallClock, day.ToDateTime(TimeOnly.FromTimeSpan(localStart.TimeOfDay))));
        }
        return starts;
    }

    /// <summary>The instant of a local time; one the clocks skip moves forward by the gap (see the class).</summary>
    public static DateTime Resolve(UserTime wallClock, DateTime local)
    {
        if (wallClock.TryToUtc(local, out var utc))
        {
            return utc;
        }
        // Read with the offset in force before the gap, the skipped time lands as far past the gap's end as it lay past
        // its start. A day earlier is before the gap, and no zone changes its offset twice within a day.
        var offsetBefore = wallClock.Zone.GetUtcOffset(DateTime.SpecifyKind(local.AddDays(-1), DateTimeKind.Unspecified));
        return DateTime.SpecifyKind(local - offsetBefore, DateTimeKind.Utc);
    }
}
