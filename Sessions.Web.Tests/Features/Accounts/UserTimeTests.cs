using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Features.Accounts;

public sealed class UserTimeTests
{
    private readonly UserTime _newYork = new(UserTime.FindZone("America/New_York"));

    [Fact]
    public void Nine_oclock_stays_nine_oclock_local_across_the_spring_dst_change()
    {
        // US clocks went forward on 8 March 2026.
        Assert.True(_newYork.TryToUtc(new DateTime(2026, 3, 2, 9, 0, 0), out var beforeChange));
        Assert.True(_newYork.TryToUtc(new DateTime(2026, 3, 9, 9, 0, 0), out var afterChange));

        Assert.Equal(new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc), beforeChange);
        Assert.Equal(new DateTime(2026, 3, 9, 13, 0, 0, DateTimeKind.Utc), afterChange);
        Assert.Equal(9, _newYork.ToLocal(afterChange).Hour);
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_does_not_exist()
    {
        Assert.False(_newYork.TryToUtc(new DateTime(2026, 3, 8, 2, 30, 0), out _));
    }

    [Fact]
    public void A_repeated_autumn_time_takes_its_first_occurrence()
    {
        Assert.True(_newYork.TryToUtc(new DateTime(2026, 11, 1, 1, 30, 0), out var utc));

        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void The_day_around_an_instant_runs_from_local_midnight_to_the_next()
    {
        var (start, end) = _newYork.DayAround(new DateTime(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc));

        // 03:00 UTC is still 29 November in New York (UTC-5).
        Assert.Equal((new DateTime(2026, 11, 29, 5, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc)), (start, end));
    }

    [Fact]
    public void A_day_whose_midnight_the_clock_skips_starts_when_the_gap_ends()
    {
        // Chile went forward from midnight to 01:00 on 6 September 2026: that day starts at 01:00 (UTC-3) and is 23 hours long.
        var santiago = new UserTime(UserTime.FindZone("America/Santiago"));

        var (start, end) = santiago.DayAround(new DateTime(2026, 9, 6, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal((new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc)), (start, end));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, UserTime.FindZone("Mars/Olympus_Mons"));
    }
}
