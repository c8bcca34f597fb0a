using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Ratings;

namespace Sessions.Web.Features.Reports.Components;

/// <summary>
/// A report for reading: when the session took place against its booking, who came (the timeline chart and the students
/// table, its text alternative), and for those who teach it the participation chart, the chat counts, the issues, the
/// ratings' averages and the download links. Times are the viewer's wall clock; texts and numbers the viewer's culture.
/// </summary>
public sealed partial class ReportView
{
    /// <summary>Within half a minute of the booked start counts as on time.</summary>
    private const double OnTimeWithinMinutes = 0.5;

    private UserTime _userTime = new(TimeZoneInfo.Utc);

    [Parameter, EditorRequired] public SessionReport Report { get; set; } = default!;

    /// <summary>The viewer teaches the session (its educators, an admin): the whole report. Otherwise a student's cut.</summary>
    [Parameter] public bool ViewerTeaches { get; set; }

    /// <summary>Where the educator edits their text (<see cref="ReportNarrativeEditor"/>); without it the text is shown read-only.</summary>
    [Parameter] public RenderFragment? NarrativeEditor { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private Guid SessionId => Report.Session.Id;

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is not null)
        {
            _userTime = UserTime.For((await AuthenticationState).User);
        }
    }

    private bool NobodyCame => Report.Totals.Attended == 0;

    private bool HasNarrative => Report.Narrative.Summary.Length > 0 || Report.Narrative.Recommendations.Length > 0;

    private static string ListSeparator => CultureInfo.CurrentUICulture.TextInfo.ListSeparator + " ";

    private string Range(DateTime fromUtc, DateTime toUtc) =>
        T["Facts.Range", Format.DayAndTime(_userTime.ToLocal(fromUtc)), Format.Time(_userTime.ToLocal(toUtc))];

    private string Lateness
    {
        get
        {
            var minutes = Report.Timing.StartLatenessMinutes;
            var rounded = Format.Number(Math.Round(Math.Abs(minutes)), "0");
            return minutes >= OnTimeWithinMinutes ? T["Facts.Late", rounded]
                : minutes > -OnTimeWithinMinutes ? T["Facts.OnTime"]
                : T["Facts.Early", rounded];
        }
    }

    private string LocalTime(DateTime? utc) => utc is { } instant ? Format.Time(_userTime.ToLocal(instant)) : T["Common.None"];

    /// <summary>Punctuality means nothing for a student who never came.</summary>
    private string YesNo(bool attended, bool punctual) => !attended ? T["Common.None"] : punctual ? T["Common.Yes"] : T["Common.No"];

    private string RoleName(string role) =>
        T[$"Role.{role.ToLowerInvariant()}"] is { ResourceNotFound: false } name ? name : role;

    /// <summary>The criteria that have an average, in the rating form's order (Overall first).</summary>
    private IReadOnlyList<(string Criterion, double Average)> Averages =>
        Report is { Ratings: { } r, RatingCount: > 0 }
            ? new (string, double?)[]
              {
                  (nameof(RatingAverages.Overall), r.Overall), (nameof(RatingAverages.ContentClarity), r.ContentClarity),
                  (nameof(RatingAverages.Engagement), r.Engagement), (nameof(RatingAverages.AudioVideoQuality), r.AudioVideoQuality),
                  (nameof(RatingAverages.Pace), r.Pace),
              }.Where(a => a.Item2 is not null).Select(a => (a.Item1, a.Item2!.Value)).ToList()
            : [];

}
