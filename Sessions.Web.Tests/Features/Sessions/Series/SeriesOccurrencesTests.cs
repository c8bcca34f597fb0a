using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions.Series;

namespace Sessions.Web.Tests.Features.Sessions.Series;

/// <summary>The starts of a weekly series, on the educator's wall clock, across daylight saving time in three zones.</summary>
public sealed class SeriesOccurrencesTests
{
    private static readonly UserTime NewYork = new(UserTime.FindZone("America/New_York"));
    private static readonly UserTime Berlin = new(UserTime.FindZone("Europe/Berlin"));
    private static readonly UserTime Cairo = new(UserTime.FindZone("Africa/Cairo"));

    private static readonly HashSet<DayOfWeek> MondaysAndWednesdays = [DayOfWeek.Monday, DayOfWeek.Wednesday];

    [Fact]
    public void A_count_gives_that_many_sessions_on_the_chosen_days_in_order()
    {
        var starts = Of(NewYork, new DateTime(2027, 1, 4, 9, 0, 0), new WeeklyRecurrence(MondaysAndWednesdays, null, 5));

        Assert.Equal([Local(2027, 1, 4), Local(2027, 1, 6), Local(2027, 1, 11), Local(2027, 1, 13), Local(2027, 1, 18)], LocalTimes(NewYork, starts));
        Assert.Equal(new DateTime(2027, 1, 4, 14, 0, 0, DateTimeKind.Utc), starts[0]);
    }

    [Fact]
    public void An_end_date_is_the_last_day_a_session_may_fall_on()
    {
        var starts = Of(NewYork, new DateTime(2027, 1, 4, 9, 0, 0), new WeeklyRecurrence(MondaysAndWednesdays, new DateOnly(2027, 1, 13), null));

        Assert.Equal([Local(2027, 1, 4), Local(2027, 1, 6), Local(2027, 1, 11), Local(2027, 1, 13)], LocalTimes(NewYork, starts));
    }

    [Fact]
    public void The_first_session_is_the_requested_start_when_its_day_is_chosen()
    {
        // 02:30 at UTC+1: the second 02:30 of Sunday 31 October 2027 in Berlin, kept as asked (not read again as the first).
        var requested = new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc);

        var starts = SeriesOccurrences.Of(requested, Berlin.Zone, new WeeklyRecurrence(On(DayOfWeek.Sunday), null, 2));

        Assert.Equal([requested, new DateTime(2027, 11, 7, 1, 30, 0, DateTimeKind.Utc)], starts);
    }

    [Fact]
    public void A_start_on_another_day_begins_the_series_on_the_next_chosen_day_at_the_same_time()
    {
        // Tuesday 5 January: the series begins on Wednesday the 6th.
        var starts = Of(NewYork, new DateTime(2027, 1, 5, 9, 0, 0), new WeeklyRecurrence(MondaysAndWednesdays, null, 3));

        Assert.Equal([Local(2027, 1, 6), Local(2027, 1, 11), Local(2027, 1, 13)], LocalTimes(NewYork, starts));
    }

    [Fact]
    public void Nine_oclock_stays_nine_oclock_local_when_new_york_springs_forward()
    {
        // US clocks go forward on Sunday 14 March 2027.
        var starts = Of(NewYork, new DateTime(2027, 3, 8, 9, 0, 0), new WeeklyRecurrence(On(DayOfWeek.Monday), null, 2));

        Assert.Equal([new DateTime(2027, 3, 8, 14, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 15, 13, 0, 0, DateTimeKind.Utc)], starts);
    }

    [Fact]
    public void Nine_oclock_stays_nine_oclock_local_when_berlin_falls_back()
    {
        // European clocks go back on Sunday 31 October 2027.
        var starts = Of(Berlin, new DateTime(2027, 10, 25, 9, 0, 0), new WeeklyRecurrence(On(DayOfWeek.Monday), null, 2));

        Assert.Equal([new DateTime(2027, 10, 25, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 11, 1, 8, 0, 0, DateTimeKind.Utc)], starts);
    }

    [Fact]
    public void Nine_oclock_stays_nine_oclock_local_when_berlin_springs_forward()
    {
        var starts = Of(Berlin, new DateTime(2027, 3, 22, 9, 0, 0), new WeeklyRecurrence(On(DayOfWeek.Monday), null, 2));

        Assert.Equal([new DateTime(2027, 3, 22, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc)], starts);
    }

    [Fact]
    public void A_time_new_york_skips_moves_forward_by_the_gap_and_the_next_week_is_back_on_time()
    {
        // 02:30 does not exist on 14 March 2027 in New York (02:00 → 03:00): that session starts at 03:30.
        var starts = Of(NewYork, new DateTime(2027, 3, 7, 2, 30, 0), new WeeklyRecurrence(On(DayOfWeek.Sunday), null, 3));

        Assert.Equal([new DateTime(2027, 3, 7, 2, 30, 0), new DateTime(2027, 3, 14, 3, 30, 0), new DateTime(2027, 3, 21, 2, 30, 0)],
            LocalTimes(NewYork, starts));
        Assert.Equal(new DateTime(2027, 3, 14, 7, 30, 0, DateTimeKind.Utc), starts[1]);
    }

    [Fact]
    public void A_time_cairo_skips_at_midnight_moves_forward_by_the_gap()
    {
        // Egypt's clocks go from 00:00 to 01:00 on Friday 30 April 2027: 00:30 that day becomes 01:30.
        var starts = Of(Cairo, new DateTime(2027, 4, 23, 0, 30, 0), new WeeklyRecurrence(On(DayOfWeek.Friday), null, 2));

        Assert.Equal([new DateTime(2027, 4, 22, 22, 30, 0, DateTimeKind.Utc), new DateTime(2027, 4, 29, 22, 30, 0, DateTimeKind.Utc)], starts);
        Assert.Equal(new DateTime(2027, 4, 30, 1, 30, 0), Cairo.ToLocal(starts[1]));
    }

    [Fact]
    public void A_time_the_clocks_repeat_takes_its_first_daylight_occurrence()
    {
        // 02:30 happens twice in Berlin on 31 October 2027, first at UTC+2.
        var berlin = Of(Berlin, new DateTime(2027, 10, 24, 2, 30, 0), new WeeklyRecurrence(On(DayOfWeek.Sunday), null, 2));
        // 23:30 happens twice in Cairo on Thursday 28 October 2027 (24:00 → 23:00), first at UTC+3.
        var cairo = Of(Cairo, new DateTime(2027, 10, 21, 23, 30, 0), new WeeklyRecurrence(On(DayOfWeek.Thursday), null, 2));

        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), berlin[1]);
        Assert.Equal(new DateTime(2027, 10, 28, 20, 30, 0, DateTimeKind.Utc), cairo[1]);
    }

    [Fact]
    public void A_rule_asking_for_more_than_the_cap_yields_one_more_than_allowed_and_no_more()
    {
        var start = new DateTime(2027, 1, 4, 9, 0, 0);
        var everyDay = Enum.GetValues<DayOfWeek>().ToHashSet();

        var counted = Of(NewYork, start, new WeeklyRecurrence(everyDay, null, 1000));
        var dated = Of(NewYork, start, new WeeklyRecurrence(everyDay, new DateOnly(2999, 12, 31), null));
        var exactly = Of(NewYork, start, new WeeklyRecurrence(everyDay, null, WeeklyRecurrence.MaxOccurrences));

        Assert.Equal(WeeklyRecurrence.MaxOccurrences + 1, counted.Count);
        Assert.Equal(WeeklyRecurrence.MaxOccurrences + 1, dated.Count);
        Assert.Equal(WeeklyRecurrence.MaxOccurrences, exactly.Count);
    }

    [Fact]
    public void An_end_date_before_the_first_chosen_day_gives_no_session()
    {
        // Tuesday 5 January, Mondays only, until Sunday the 10th.
        var starts = Of(NewYork, new DateTime(2027, 1, 5, 9, 0, 0), new WeeklyRecurrence(On(DayOfWeek.Monday), new DateOnly(2027, 1, 10), null));

        Assert.Empty(starts);
    }

    [Fact]
    public void Without_a_day_there_is_no_session()
    {
        Assert.Empty(Of(NewYork, new DateTime(2027, 1, 4, 9, 0, 0), new WeeklyRecurrence(new HashSet<DayOfWeek>(), null, 5)));
    }

    private static HashSet<DayOfWeek> On(params DayOfWeek[] days) => [.. days];

    private static IReadOnlyList<DateTime> Of(UserTime wallClock, DateTime localStart, WeeklyRecurrence rule)
    {
        Assert.True(wallClock.TryToUtc(localStart, out var startUtc));
        return SeriesOccurrences.Of(startUtc, wallClock.Zone, rule);
    }

    private static List<DateTime> LocalTimes(UserTime wallClock, IReadOnlyList<DateTime> starts) => [.. starts.Select(wallClock.ToLocal)];

    private static DateTime Local(int year, int month, int day) => new(year, month, day, 9, 0, 0);
}
