using Microsoft.Extensions.Time.Testing;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Tests.Features.Sessions;

public sealed class StartWindowTests
{
    private static readonly DateTime ScheduledStart = new(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc);
    private readonly StartWindow _window = StartWindow.For(ScheduledStart, durationMinutes: 45, earlyStartMinutes: 5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(ScheduledStart.AddMinutes(-10)));

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public void Is_closed_until_the_early_start_and_counts_down_to_it()
    {
        Assert.False(_window.IsOpenAt(Now));
        Assert.Equal(TimeSpan.FromMinutes(5), _window.OpensIn(Now));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));

        Assert.False(_window.IsOpenAt(Now));
        Assert.Equal(TimeSpan.FromTicks(1), _window.OpensIn(Now));
    }

    [Fact]
    public void Opens_exactly_early_start_minutes_before_the_scheduled_start()
    {
        _time.SetUtcNow(ScheduledStart.AddMinutes(-5));

        Assert.True(_window.IsOpenAt(Now));
        Assert.Equal(TimeSpan.Zero, _window.OpensIn(Now));
    }

    [Fact]
    public void Stays_open_until_just_before_the_scheduled_end()
    {
        _time.SetUtcNow(ScheduledStart.AddMinutes(45) - TimeSpan.FromTicks(1));

        Assert.True(_window.IsOpenAt(Now));
        Assert.False(_window.HasClosedAt(Now));
    }

    [Fact]
    public void Closes_at_the_scheduled_end()
    {
        _time.SetUtcNow(ScheduledStart.AddMinutes(45));

        Assert.False(_window.IsOpenAt(Now));
        Assert.True(_window.HasClosedAt(Now));
    }

    [Fact]
    public void Without_an_early_start_it_opens_at_the_scheduled_start()
    {
        var strict = StartWindow.For(ScheduledStart, durationMinutes: 45, earlyStartMinutes: 0);

        Assert.False(strict.IsOpenAt(ScheduledStart.AddTicks(-1)));
        Assert.True(strict.IsOpenAt(ScheduledStart));
    }

    [Fact]
    public void A_window_at_either_end_of_time_stops_there_instead_of_failing()
    {
        var last = StartWindow.For(DateTime.MaxValue.AddMinutes(-1), durationMinutes: 240, earlyStartMinutes: 5);
        var first = StartWindow.For(DateTime.MinValue, durationMinutes: 45, earlyStartMinutes: 5);

        Assert.Equal(DateTime.MaxValue, last.ClosesUtc);
        Assert.Equal(DateTime.MinValue, first.OpensUtc);
        Assert.True(last.OpensIn(Now) > TimeSpan.FromDays(365 * 7000));
        Assert.True(first.HasClosedAt(Now));
    }
}
