using System.Globalization;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// The <c>recurrence</c> of <c>POST /api/sessions</c>: weekly on <see cref="DaysOfWeek"/> (<c>monday</c> … <c>sunday</c>, each
/// once), until a date (<c>YYYY-MM-DD</c>, the educator's own, inclusive) or <see cref="Count"/> times; the service checks the rest.
/// </summary>
public sealed record RecurrenceBody(IReadOnlyList<string?>? DaysOfWeek, string? Until, int? Count)
{
    private static readonly Dictionary<string, DayOfWeek> DaysByWireName =
        Enum.GetValues<DayOfWeek>().ToDictionary(WireNames.Of, StringComparer.Ordinal);

    /// <summary>The rule, adding what cannot even be read (an unknown or repeated day, a malformed date) to <paramref name="errors"/>.</summary>
    public WeeklyRecurrence Read(FieldErrors errors)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in DaysOfWeek ?? [])
        {
            if (name is null || !DaysByWireName.TryGetValue(name, out var day))
            {
                errors.Add(SeriesFields.Days, FieldMessage.Of("recurrence_day_unknown",
                    $"'{name}' is not a day of the week; use {string.Join(", ", DaysByWireName.Keys)}.", ("day", name)));
            }
            else if (!days.Add(day))
            {
                errors.Add(SeriesFields.Days, FieldMessage.Of("recurrence_day_repeated", $"'{name}' is given more than once.", ("day", name)));
            }
        }
        return new WeeklyRecurrence(days, ReadDate(errors, Until), Count);
    }

    private static DateOnly? ReadDate(FieldErrors errors, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2999)
        {
            return date;
        }
        errors.Add(SeriesFields.Until, FieldMessage.Of("recurrence_until_invalid", "The end date must be a date written YYYY-MM-DD."));
        return null;
    }
}

/// <summary>Body of <c>PATCH /api/series/{id}</c>: what is left out stays as it is.</summary>
public sealed record UpdateSeriesBody(Guid? FromSessionId, string? Title, string? Description, int? DurationMinutes, string? StartTime)
{
    public Result<SeriesChanges> ToChanges()
    {
        var errors = new FieldErrors();
        if (FromSessionId is null)
        {
            errors.Add(SeriesFields.FromSessionId, "fromSessionId is required.");
        }
        TimeOnly? startTime = null;
        if (StartTime is not null)
        {
            if (TimeOnly.TryParseExact(StartTime, "HH':'mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                startTime = time;
            }
            else
            {
                errors.Add(SeriesFields.StartTime, FieldMessage.Of("start_time_invalid", "The time of day must be written HH:mm (24-hour clock)."));
            }
        }
        return errors.ToError() is { } unreadable
            ? unreadable
            : new SeriesChanges(FromSessionId!.Value, Title, Description, DurationMinutes, startTime);
    }
}

/// <summary>Body of <c>POST /api/series/{id}/cancel</c> (optional): from which session on, and the reason students see.</summary>
public sealed record CancelSeriesBody(Guid? FromSessionId, string? Reason);

/// <summary>A booked series: its id, every session of it as <c>GET /api/sessions/{id}</c> shows one, and what it overlaps.</summary>
public sealed record SessionSeriesDto(Guid SeriesId, IReadOnlyList<SessionDto> Occurrences, IReadOnlyList<SeriesWarningDto> Warnings)
{
    public static SessionSeriesDto From(BookedSeries series) => new(series.SeriesId, [.. series.Occurrences.Select(SessionDto.From)],
        [.. series.Overlaps.Select(o => new SeriesWarningDto(SeriesWarningDto.OverlapsSession, o.SessionId, ApiTime.Utc(o.OccurrenceStartUtc)))]);
}

/// <summary>Something about a booked series worth a look, which did not stop the booking.</summary>
public sealed record SeriesWarningDto(string Code, Guid SessionId, DateTimeOffset OccurrenceStart)
{
    /// <summary>The occurrence starting at <see cref="OccurrenceStart"/> overlaps the class's session <see cref="SessionId"/>.</summary>
    public const string OverlapsSession = "overlaps_session";
}

/// <summary>Sessions of a series as they are now: all of them, or those a change reached.</summary>
public sealed record SeriesSessionsDto(Guid SeriesId, IReadOnlyList<SessionDto> Occurrences)
{
    public static SeriesSessionsDto From(Guid seriesId, IEnumerable<SessionSummary> sessions) => new(seriesId, [.. sessions.Select(SessionDto.From)]);
}

/// <summary>The ids of the series' sessions that a cancel reached.</summary>
public sealed record CancelledSeriesDto(Guid SeriesId, IReadOnlyList<Guid> CancelledIds);
