using System.Globalization;
using Microsoft.AspNetCore.Components;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Reports.Components;

/// <summary>The attendance timeline chart of a report: see <see cref="TimelineGeometry"/> for where things go.</summary>
public sealed partial class AttendanceTimeline
{
    /// <summary>A stay of a few seconds still shows as a sliver.</summary>
    private const double MinimumBarWidth = 2;
    private const int LabelMaxLength = 28;

    private TimelineGeometry _geometry = default!;
    private (double X, double Width) _booked;
    private IReadOnlyList<TimelineRow> _rows = [];

    [Parameter, EditorRequired] public ReportTiming Timing { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<StudentReportLine> Students { get; set; } = [];

    /// <summary>The viewer's wall clock, for the axis.</summary>
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;

    protected override void OnParametersSet()
    {
        _geometry = new TimelineGeometry(Timing, Students.Count, CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft);
        _booked = _geometry.Span(Timing.ScheduledStartUtc, Timing.ScheduledEndUtc);
        _rows = [.. Students.Select((student, index) => new TimelineRow(index, Shortened(student.DisplayName),
            [.. student.Intervals.Select((stay, i) => Bar(student.UserId, i, stay))]))];
    }

    private TimelineBar Bar(string userId, int index, PresenceInterval stay)
    {
        var (x, width) = _geometry.Span(stay.JoinedUtc, stay.LeftUtc);
        return new TimelineBar(x, Math.Max(width, MinimumBarWidth), TestIds.ReportTimelineBar(userId, index));
    }

    private string Summary => T["Timeline.Label", Format.Number(Students.Count), Format.Number(Students.Count(s => s.Attended)),
        Format.Time(UserTime.ToLocal(_geometry.FromUtc)), Format.Time(UserTime.ToLocal(_geometry.ToUtc))];

    private static double RowBottom(int row) => TimelineGeometry.TopPadding + (row + 1) * TimelineGeometry.RowHeight;

    /// <summary>A label ends at the label column's edge left-to-right, and starts there right-to-left (the SVG's text runs left-to-right).</summary>
    private string LabelAnchor => _geometry.RightToLeft ? "start" : "end";

    private static string Shortened(string name) => name.Length > LabelMaxLength ? string.Concat(name.AsSpan(0, LabelMaxLength - 1), "…") : name;

    private sealed record TimelineRow(int Index, string Label, IReadOnlyList<TimelineBar> Bars);

    private sealed record TimelineBar(double X, double Width, string TestId);

    /// <summary>The axis label of a tick: the viewer's time of day, centred under it.</summary>
    private RenderFragment TickLabel(DateTime tick) =>
        SvgText(_geometry.X(tick), _geometry.AxisY + 22, "middle", Format.Time(UserTime.ToLocal(tick)));

    /// <summary>An SVG text element (Razor reserves the <c>text</c> tag for itself).</summary>
    private static RenderFragment SvgText(double x, double y, string anchor, string content) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", N(x));
        builder.AddAttribute(2, "y", N(y));
        builder.AddAttribute(3, "text-anchor", anchor);
        builder.AddAttribute(4, "fill", ReportChartColors.Axis);
        builder.AddContent(5, content);
        builder.CloseElement();
    };

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
