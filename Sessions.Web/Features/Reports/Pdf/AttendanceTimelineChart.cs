using PdfSharp.Drawing;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// The attendance timeline as vectors: one row per student with a bar for each stay in the room, the booked window
/// shaded behind the bars, and a time axis (repeated at the top of each page the chart continues on). Time runs in the
/// reading direction, so right to left in Arabic.
/// </summary>
public sealed class AttendanceTimelineChart(ReportCanvas canvas, Func<DateTime, string> timeLabel)
{
    private const double RowHeight = 9;
    private const double BarHeight = 5.5;
    private const double Gap = 6;
    private const double AxisHeight = 14;
    private static readonly XBrush Booked = new XSolidBrush(XColor.FromArgb(226, 236, 250));
    private static readonly XBrush Bar = new XSolidBrush(XColor.FromArgb(38, 110, 190));
    private static readonly XPen Grid = new(XColors.Gainsboro, 0.4);
    private static readonly int[] TickSteps = [5, 10, 15, 30, 60, 120, 240];

    public void Draw(SessionReport report)
    {
        var timing = report.Timing;
        var from = Min(timing.ScheduledStartUtc, timing.ActualStartUtc);
        var to = Max(timing.ScheduledEndUtc, timing.ActualEndUtc);
        if (to <= from)
        {
            return;
        }
        var nameWidth = Math.Min(130, canvas.Width * 0.28);
        var plot = (Offset: nameWidth + Gap, Width: canvas.Width - nameWidth - Gap);
        double At(DateTime utc) => plot.Offset + plot.Width * Math.Clamp((utc - from) / (to - from), 0, 1);
        var ticks = Ticks(from, to);

        canvas.Reserve(AxisHeight + 3 * RowHeight);
        DrawAxis(ticks, At);
        foreach (var student in report.Students)
        {
            if (canvas.Reserve(RowHeight))
            {
                DrawAxis(ticks, At);
            }
            Box(Booked, At(timing.ScheduledStartUtc), At(timing.ScheduledEndUtc), canvas.Y, RowHeight);
            foreach (var stay in student.Intervals)
            {
                Box(Bar, At(stay.JoinedUtc), At(stay.LeftUtc), canvas.Y + (RowHeight - BarHeight) / 2, BarHeight);
            }
            var name = canvas.Text.Fit(student.DisplayName, TextStyle.Small, nameWidth);
            canvas.Draw(name, 0, nameWidth, canvas.Y + RowHeight - 2, alignEnd: true);
            canvas.Y += RowHeight;
        }
        canvas.Y += 4;
    }

    private void DrawAxis(IReadOnlyList<DateTime> ticks, Func<DateTime, double> at)
    {
        foreach (var tick in ticks)
        {
            var label = canvas.Text.Line(timeLabel(tick), TextStyle.Small);
            var width = Typesetter.Width(label);
            var x = at(tick);
            canvas.Draw(label, x - width / 2, width, canvas.Y + TextStyle.Small.Size);
            var pageX = canvas.PageX(x, 0);
            canvas.Graphics.DrawLine(Grid, pageX, canvas.Y + AxisHeight - 3, pageX, canvas.Y + AxisHeight);
        }
        canvas.Y += AxisHeight;
    }

    private void Box(XBrush brush, double start, double end, double top, double height)
    {
        var width = Math.Max(end - start, 0.8); // a stay of seconds stays visible
        canvas.Graphics.DrawRectangle(brush, canvas.PageX(start, width), top, width, height);
    }

    /// <summary>Round times every 5, 10, 15, 30 or 60 minutes, so that about six fit.</summary>
    private static List<DateTime> Ticks(DateTime from, DateTime to)
    {
        var minutes = TickSteps.FirstOrDefault(step => (to - from).TotalMinutes / step <= 7, 480);
        var step = TimeSpan.FromMinutes(minutes);
        var first = new DateTime((from.Ticks + step.Ticks - 1) / step.Ticks * step.Ticks, DateTimeKind.Utc);
        var ticks = new List<DateTime>();
        for (var tick = first; tick <= to; tick += step)
        {
            ticks.Add(tick);
        }
        return ticks;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
