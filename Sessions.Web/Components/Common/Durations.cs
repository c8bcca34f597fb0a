using System.Globalization;

namespace Sessions.Web.Components.Common;

public static class Durations
{
    /// <summary>"4:05" under an hour, "1:04:05" from an hour on; a clock, as people read elapsed time and countdowns.</summary>
    public static string Clock(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
    }
}
