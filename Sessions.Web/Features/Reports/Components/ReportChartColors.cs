namespace Sessions.Web.Features.Reports.Components;

/// <summary>
/// The report charts' colours, drawn on the page's white background. What carries meaning (a presence bar, the booked
/// window's edges, the axis and its labels, a participation bar) reaches WCAG AA's 3:1 for graphics (text 4.5:1) against
/// what it is drawn on; the booked window's fill is only a tint behind the bars, so the bars also reach 3:1 on it.
/// ReportChartColorsTests computes every pair.
/// </summary>
public static class ReportChartColors
{
    public const string Background = "#ffffff";

    /// <summary>A stay in the room: the theme's primary colour.</summary>
    public const string Presence = "#3949ab";

    /// <summary>The booked window's tint, behind the bars.</summary>
    public const string BookedFill = "#e8eaf6";

    /// <summary>The booked window's start and end lines, dashed.</summary>
    public const string BookedEdge = "#616161";

    /// <summary>The time axis, its ticks and every label.</summary>
    public const string Axis = "#424242";

    /// <summary>Row separators: decoration only.</summary>
    public const string Grid = "#eeeeee";

    /// <summary>The participation chart's bars.</summary>
    public static readonly IReadOnlyList<string> Series = ["#00796b", "#3949ab"];
}
