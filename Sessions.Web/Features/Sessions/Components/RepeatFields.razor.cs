using Microsoft.AspNetCore.Components;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions.Series;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>The session dialog's "Repeat" section; it edits the dialog's <see cref="SessionForm"/> in place.</summary>
public sealed partial class RepeatFields
{
    /// <summary>The week as the toggles show it, from Monday.</summary>
    private static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Parameter, EditorRequired] public SessionForm Form { get; set; } = default!;
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;
    [Parameter] public FormErrors Errors { get; set; } = FormErrors.None;

    /// <summary>"12 sessions, Mondays and Wednesdays at 09:00 until Sunday 20 December", or why there is nothing to read back.</summary>
    private string Preview
    {
        get
        {
            if (Form.RepeatDays.Count == 0)
            {
                return T["Repeat.PreviewNoDays"];
            }
            var starts = Form.PreviewStarts(UserTime);
            if (starts.Count == 0)
            {
                return T["Repeat.PreviewNone"];
            }
            if (starts.Count > WeeklyRecurrence.MaxOccurrences)
            {
                return T["Repeat.PreviewTooMany", Format.Number(WeeklyRecurrence.MaxOccurrences)];
            }
            return T["Repeat.Preview", Format.Count(T, "Repeat.Sessions", starts.Count), DayList(), Format.Time(starts[0]), Format.Day(starts[^1])];
        }
    }

    /// <summary>"Mondays, Wednesdays and Fridays", in the week's order.</summary>
    private string DayList()
    {
        var names = WeekDays.Where(Form.RepeatDays.Contains).Select(day => T[$"Repeat.DayPlural.{day}"].Value).ToList();
        return names.Count == 1
            ? names[0]
            : T["Repeat.ListLast", string.Join(T["Repeat.ListSeparator"].Value, names[..^1]), names[^1]];
    }
}
