using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Overview;

/// <summary>
/// <c>GET /api/admin/overview</c>: today's sessions across the school. The day is the caller's own (<see cref="TimeZone"/>),
/// <see cref="DayStart"/> to <see cref="DayEnd"/>; every instant is UTC, ISO 8601.
/// </summary>
public sealed record SchoolOverviewDto(
    DateTimeOffset At,
    string TimeZone,
    DateTimeOffset DayStart,
    DateTimeOffset DayEnd,
    OverviewListDto Live,
    OverviewListDto StartingSoon,
    OverviewListDto Missed,
    int LaterToday,
    int DoneToday)
{
    public static SchoolOverviewDto From(SchoolDay day, string timeZone) => new(
        ApiTime.Utc(day.NowUtc), timeZone, ApiTime.Utc(day.StartUtc), ApiTime.Utc(day.EndUtc),
        OverviewListDto.From(day.Live), OverviewListDto.From(day.StartingSoon), OverviewListDto.From(day.Missed),
        day.LaterToday, day.DoneToday);
}

/// <summary>How many sessions there are, and the first <see cref="SchoolOverview.MaxListed"/> of them.</summary>
public sealed record OverviewListDto(int Count, IReadOnlyList<OverviewSessionDto> Sessions)
{
    public static OverviewListDto From(OverviewList list) => new(list.Count, [.. list.Sessions.Select(OverviewSessionDto.From)]);
}

/// <summary>A session in the overview; <see cref="ParticipantCount"/> is who is in its room now, its educator not counted.</summary>
public sealed record OverviewSessionDto(
    Guid Id,
    string Title,
    string Status,
    DateTimeOffset ScheduledStartTime,
    DateTimeOffset ScheduledEndTime,
    DateTimeOffset? StartedAt,
    int ParticipantCount,
    OverviewClassDto Class,
    SessionHostDto Host)
{
    public static OverviewSessionDto From(OverviewSession s) => new(
        s.Id, s.Title, WireNames.Of(s.Status), ApiTime.Utc(s.ScheduledStartUtc), ApiTime.Utc(s.ScheduledEndUtc), ApiTime.Utc(s.ActualStartUtc),
        s.ParticipantCount, new OverviewClassDto(s.ClassId, s.ClassName, s.ClassCode), new SessionHostDto(s.EducatorId, s.EducatorName));
}

public sealed record OverviewClassDto(int Id, string Name, string Code);
