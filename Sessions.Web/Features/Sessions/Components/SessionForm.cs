using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>
/// What the session dialog edits. The start is a date and a time on the educator's own wall clock, converted with their
/// time zone only when saved, so a 09:00 session stays 09:00 across a DST change and a time the clocks skip is refused.
/// </summary>
public sealed class SessionForm
{
    public const int DefaultDurationMinutes = 45;

    public int ClassId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public int DurationMinutes { get; set; } = DefaultDurationMinutes;
    public SessionSettingOverrides Overrides { get; set; } = SessionSettingOverrides.None;

    /// <summary>Repeat weekly: on <see cref="RepeatDays"/>, until <see cref="RepeatUntil"/> or <see cref="RepeatCount"/> times.</summary>
    public bool Repeats { get; private set; }
    public HashSet<DayOfWeek> RepeatDays { get; } = [];
    public RepeatEnd RepeatEnd { get; set; } = RepeatEnd.Count;
    public DateTime? RepeatUntil { get; set; }
    public int RepeatCount { get; set; } = DefaultRepeatCount;

    public const int DefaultRepeatCount = 10;

    /// <summary>A new session of a class, proposed for the next full hour.</summary>
    public static SessionForm Blank(int classId, DateTime localNow)
    {
        var nextHour = localNow.Date.AddHours(localNow.Hour + 1);
        return new SessionForm { ClassId = classId, Date = nextHour.Date, Time = nextHour.TimeOfDay };
    }

    /// <summary>A scheduled session as it is, its start on the educator's wall clock.</summary>
    public static SessionForm Of(SessionSummary session, UserTime userTime)
    {
        var localStart = userTime.ToLocal(session.ScheduledStartUtc);
        return new SessionForm
        {
            ClassId = session.ClassId,
            Title = session.Title,
            Description = session.Description,
            Date = localStart.Date,
            Time = localStart.TimeOfDay,
            DurationMinutes = session.DurationMinutes,
            Overrides = session.Overrides,
        };
    }

    /// <summary>The start as a UTC instant, or why the date and time name none (an error of the start field).</summary>
    public Result<DateTime> StartUtc(UserTime userTime)
    {
        if (LocalStart is not { } localStart)
        {
            return ServiceError.Validation(SessionFields.Start, FieldMessage.Of("start_missing", "Pick a date and a time."));
        }
        return userTime.TryToUtc(localStart, out var startUtc)
            ? startUtc
            : ServiceError.Validation(SessionFields.Start,
                FieldMessage.Of("start_skipped_by_clock_change", "That time does not exist on that day (the clocks change). Pick another time."));
    }

    /// <summary>Turns repeating on or off; on, it proposes the start's own weekday.</summary>
    public void SetRepeats(bool repeats)
    {
        Repeats = repeats;
        if (repeats && RepeatDays.Count == 0 && Date is { } date)
        {
            RepeatDays.Add(date.DayOfWeek);
        }
    }

    public void ToggleDay(DayOfWeek day)
    {
        if (!RepeatDays.Remove(day))
        {
            RepeatDays.Add(day);
        }
    }

    /// <summary>The series' rule, when repeating: the end chosen and nothing of the other.</summary>
    public WeeklyRecurrence? Recurrence => Repeats
        ? new WeeklyRecurrence(RepeatDays.ToHashSet(),
            RepeatEnd == RepeatEnd.Until && RepeatUntil is { } until ? DateOnly.FromDateTime(until) : null,
            RepeatEnd == RepeatEnd.Count ? RepeatCount : null)
        : null;

    /// <summary>The starts the series would have, on <paramref name="userTime"/>'s wall clock; empty while the form names none.</summary>
    public IReadOnlyList<DateTime> PreviewStarts(UserTime userTime)
    {
        var start = StartUtc(userTime);
        if (Recurrence is not { } rule || (rule.Until is null && rule.Count is not > 0) || start.Error is not null)
        {
            return [];
        }
        return [.. SeriesOccurrences.Of(start.Value, userTime.Zone, rule).Select(userTime.ToLocal)];
    }

    public NewSession ToNewSession(SessionType type, DateTime? startUtc) =>
        new(ClassId, type, Title, Description, startUtc, DurationMinutes, Overrides);

    /// <summary>
    /// Only what differs from <paramref name="session"/>: a session whose start window is already open has its start
    /// in the past, and saving a new title must not send that start again to be refused as one.
    /// </summary>
    public Result<SessionChanges> ChangesTo(SessionSummary session, UserTime userTime)
    {
        DateTime? startUtc = null;
        if (LocalStart != userTime.ToLocal(session.ScheduledStartUtc))
        {
            var start = StartUtc(userTime);
            if (start.Error is { } invalid)
            {
                return invalid;
            }
            startUtc = start.Value;
        }
        return new SessionChanges(
            Title == session.Title ? null : Title,
            TextRule.Tidy(Description) == session.Description ? null : Description ?? "",
            startUtc,
            DurationMinutes == session.DurationMinutes ? null : DurationMinutes,
            Overrides == session.Overrides ? null : Overrides);
    }

    private DateTime? LocalStart => Date is { } date && Time is { } time ? date.Date + time : null;
}
