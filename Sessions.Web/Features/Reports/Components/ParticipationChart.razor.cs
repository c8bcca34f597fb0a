using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Sessions.Web.Features.Reports.Components;

/// <summary>The participation chart of a report: one bar of chat messages per participant, in the report's order.</summary>
public sealed partial class ParticipationChart
{
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private BarChartOptions _options = new();

    [Parameter, EditorRequired] public IReadOnlyList<ParticipantChatCount> Participants { get; set; } = [];

    protected override void OnParametersSet()
    {
        _labels = [.. Participants.Select(p => p.DisplayName)];
        _series = [new ChartSeries<double> { Name = T["Participation.Messages"], Data = Participants.Select(p => (double)p.Messages).ToArray() }];
        _options = new BarChartOptions
        {
            ChartPalette = [.. ReportChartColors.Series],
            ShowLegend = false,
            YAxisTicks = 1,
            MaxNumYAxisTicks = 6,
            YAxisToStringFunc = value => Format.Number(value),
        };
    }

    private string Summary => T["Participation.Label",
        string.Join(CultureInfo.CurrentUICulture.TextInfo.ListSeparator + " ",
            Participants.Select(p => T["Participation.Item", p.DisplayName, Format.Number(p.Messages)].Value))];
}
