namespace Sessions.Web.Infrastructure;

/// <summary>
/// Arithmetic on instants that came from storage. A row may hold any instant (old data, an import, a hand-made fix), and
/// <see cref="DateTime.Add(TimeSpan)"/> throws past the end of year 9999 or before year 1, which would fail every page that
/// shows the row; these stop at <see cref="DateTime"/>'s ends instead, so the worst a strange row does is look strange.
/// </summary>
public static class SaturatingTime
{
    public static DateTime AddClamped(this DateTime instant, TimeSpan span)
    {
        var roomAfter = DateTime.MaxValue.Ticks - instant.Ticks;
        var roomBefore = DateTime.MinValue.Ticks - instant.Ticks;
        var ticks = Math.Clamp(span.Ticks, roomBefore, roomAfter);
        return new DateTime(instant.Ticks + ticks, instant.Kind);
    }

    public static DateTime AddMinutesClamped(this DateTime instant, int minutes) => instant.AddClamped(TimeSpan.FromMinutes(minutes));
}
