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
    public void An_unknown_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, UserTime.FindZone("Mars/Olympus_Mons"));
    }
}
