using MudBlazor.Utilities;
using Sessions.Web.Features.Reports.Components;
using Sessions.Web.Tests.Components.Layout;

namespace Sessions.Web.Tests.Features.Reports.Components;

/// <summary>The report charts' colours meet WCAG AA: 3:1 for what carries meaning (1.4.11), 4.5:1 for the axis labels (1.4.3).</summary>
public sealed class ReportChartColorsTests
{
    public static TheoryData<string, string, string, double> Pairs => new()
    {
        { "a presence bar on the page", ReportChartColors.Presence, ReportChartColors.Background, 3 },
        { "a presence bar in the booked window", ReportChartColors.Presence, ReportChartColors.BookedFill, 3 },
        { "the booked window's edge on the page", ReportChartColors.BookedEdge, ReportChartColors.Background, 3 },
        { "the booked window's edge on its tint", ReportChartColors.BookedEdge, ReportChartColors.BookedFill, 3 },
        { "an axis label on the page", ReportChartColors.Axis, ReportChartColors.Background, 4.5 },
        { "an axis label in the booked window", ReportChartColors.Axis, ReportChartColors.BookedFill, 4.5 },
        { "the first participation bar", ReportChartColors.Series[0], ReportChartColors.Background, 3 },
        { "the second participation bar", ReportChartColors.Series[1], ReportChartColors.Background, 3 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_chart_colour_meets_its_ratio(string what, string foreground, string background, double minimum)
    {
        var ratio = AppThemeContrastTests.Contrast(new MudColor(foreground), new MudColor(background));
        Assert.True(ratio >= minimum, $"{what}: {foreground} on {background} is {ratio:0.00}:1, below {minimum}:1 (change ReportChartColors).");
    }
}
