namespace Sessions.Web.Features.Reports.Components;

/// <summary>
/// Where the attendance timeline draws things, in the SVG's user units: a label column on the reading side, then the time
/// from the earlier of the booked and actual start to the later of the booked and actual end, one row per student. In a
/// right-to-left language the time runs from right to left and the labels stand on the right (SVG does not mirror itself).
/// </summary>
public sealed class TimelineGeometry
{
    public const double Width = 1000;
    public const double LabelWidth = 220;
    public const double Gap = 12;
    public const double RowHeight = 28;
    public const double BarHeight = 16;
    public const double AxisHeight = 36;
    public const double TopPadding = 8;

    /// <summary>Tick spacings in minutes; the smallest that keeps the axis at <see cref="MaxTicks"/> labels or fewer is used.</summary>
    private static readonly int[] TickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 240];
    private const int MaxTicks = 8;

    public TimelineGeometry(ReportTiming timing, int rows, bool rightToLeft)
    {
        FromUtc = Min(timing.ScheduledStartUtc, timing.ActualStartUtc);
        ToUtc = Max(timing.ScheduledEndUtc, timing.ActualEndUtc);
        if (ToUtc <= FromUtc)
        {
            ToUtc = FromUtc.AddMinutes(1);
        }
        Rows = rows;
        RightToLeft = rightToLeft;
    }

    public DateTime FromUtc { get; }
    public DateTime ToUtc { get; }
    public int Rows { get; }
    public bool RightToLeft { get; }

    public static double PlotWidth => Width - LabelWidth - 2 * Gap;

    public double Height => TopPadding + Math.Max(Rows, 1) * RowHeight + AxisHeight;

    /// <summary>The bottom of the rows, where the axis line is drawn.</summary>
    public double AxisY => TopPadding + Math.Max(Rows, 1) * RowHeight;

    /// <summary>Where on the time line an instant falls, from 0 (the start) to 1 (the end); outside the span is clamped.</summary>
    public double Fraction(DateTime utc) => Math.Clamp((utc - FromUtc) / (ToUtc - FromUtc), 0, 1);

    /// <summary>The x of an instant: from the label column's edge towards the far side in the reading direction.</summary>
    public double X(DateTime utc)
    {
        var offset = Fraction(utc) * PlotWidth;
        return RightToLeft ? Width - LabelWidth - Gap - offset : LabelWidth + Gap + offset;
    }

    /// <summary>The left edge and width of the span between two instants, whichever way the time runs.</summary>
    public (double X, double Width) Span(DateTime fromUtc, DateTime toUtc)
    {
        var (a, b) = (X(fromUtc), X(toUtc));
        return (Math.Min(a, b), Math.Abs(b - a));
    }

    /// <summary>The top of a row's bar.</summary>
    public static double BarY(int row) => TopPadding + row * RowHeight + (RowHeight - BarHeight) / 2;

    /// <summary>The baseline of a row's label, centred on the bar.</summary>
    public static double LabelY(int row) => TopPadding + row * RowHeight + RowHeight / 2 + 5;

    /// <summary>The label column's text edge: labels end there left-to-right and start there right-to-left.</summary>
    public double LabelX => RightToLeft ? Width - LabelWidth : LabelWidth;

    /// <summary>The instants the axis labels, at round multiples of one spacing, the first at or after the start.</summary>
    public IReadOnlyList<DateTime> Ticks()
    {
        var minutes = (ToUtc - FromUtc).TotalMinutes;
        var step = TickSteps.FirstOrDefault(s => minutes / s <= MaxTicks, TickSteps[^1]);
        var first = new DateTime(FromUtc.Ticks - FromUtc.Ticks % TimeSpan.FromMinutes(step).Ticks, DateTimeKind.Utc);
        if (first < FromUtc)
        {
            first = first.AddMinutes(step);
        }
        var ticks = new List<DateTime>();
        for (var tick = first; tick <= ToUtc; tick = tick.AddMinutes(step))
        {
            ticks.Add(tick);
        }
        return ticks;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
