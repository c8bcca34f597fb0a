using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

public sealed record ClassDto(
    int Id,
    string Name,
    string Subject,
    SessionHostDto Host,
    int EnrolledCount,
    SessionDefaultsDto SessionDefaults,
    SessionDto? LiveSession,
    IReadOnlyList<SessionDto> UpcomingSessions,
    IReadOnlyList<SessionDto> CancelledSessions,
    IReadOnlyList<SessionHostDto> CoEducators)
{
    public static ClassDto From(ClassOverview page) => new(
        page.Class.Id, page.Class.Name, page.Class.Subject,
        new SessionHostDto(page.Class.EducatorId, page.Class.EducatorName), page.Class.EnrolledCount,
        SessionDefaultsDto.From(page.Class.SessionDefaults),
        page.Sessions.Live is null ? null : SessionDto.From(page.Sessions.Live),
        [.. page.Sessions.Upcoming.Select(SessionDto.From)],
        [.. page.Sessions.Cancelled.Select(SessionDto.From)],
        page.CoEducators);
}

/// <summary>A class's session defaults as the API shows them.</summary>
public sealed record SessionDefaultsDto(
    bool ChatEnabled,
    int MaxParticipants,
    bool StudentMediaEnabled,
    bool RecordingEnabled)
{
    public static SessionDefaultsDto From(SessionSettings s) => new(s.ChatEnabled, s.MaxParticipants, s.StudentMediaEnabled, s.RecordingEnabled);
}

/// <summary>Body of <c>PUT /api/classes/{id}/session-defaults</c>: all four settings.</summary>
public sealed record SessionDefaultsBody(bool? ChatEnabled, int? MaxParticipants, bool? StudentMediaEnabled, bool? RecordingEnabled)
{
    public Result<SessionSettings> ToSettings()
    {
        var errors = new FieldErrors();
        Require(errors, ChatEnabled, "chatEnabled");
        Require(errors, MaxParticipants, "maxParticipants");
        Require(errors, StudentMediaEnabled, "studentMediaEnabled");
        Require(errors, RecordingEnabled, "recordingEnabled");
        return errors.ToError() is { } missing
            ? missing
            : new SessionSettings(ChatEnabled!.Value, MaxParticipants!.Value, StudentMediaEnabled!.Value, RecordingEnabled!.Value);
    }

    private static void Require<T>(FieldErrors errors, T? value, string field) where T : struct
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required.");
        }
    }
}

/// <summary>
/// One of the caller's classes (<c>GET /api/me/classes</c>): what a class list shows, and where to go now or next.
/// <see cref="Archived"/> classes take no new sessions.
/// </summary>
public sealed record OwnClassDto(
    int Id, string Name, string Subject, SessionHostDto Host, int EnrolledCount, ClassSessionBriefDto? LiveSession, ClassSessionBriefDto? NextSession,
    bool Archived)
{
    public static OwnClassDto From(OwnClass mine) => new(
        mine.Class.Id, mine.Class.Name, mine.Class.Subject, new SessionHostDto(mine.Class.EducatorId, mine.Class.EducatorName),
        mine.Class.EnrolledCount, ClassSessionBriefDto.From(mine.Live), ClassSessionBriefDto.From(mine.Next), mine.Class.Archived);
}

/// <summary>A session as a class list names it; <c>GET /api/sessions/{id}</c> has the rest.</summary>
public sealed record ClassSessionBriefDto(Guid Id, string Title, string Status, DateTimeOffset ScheduledStartTime, DateTimeOffset? StartedAt, int Duration)
{
    public static ClassSessionBriefDto? From(SessionSummary? s) => s is null
        ? null
        : new(s.Id, s.Title, WireNames.Of(s.Status), ApiTime.Utc(s.ScheduledStartUtc), ApiTime.Utc(s.ActualStartUtc), s.DurationMinutes);
}

/// <summary>Body of <c>POST /api/classes/{id}/educators</c>.</summary>
public sealed record CoEducatorBody(string? UserId);

/// <summary>Who teaches a class: its owning educator and its co-educators (by name).</summary>
public sealed record ClassEducatorsDto(int ClassId, SessionHostDto Educator, IReadOnlyList<SessionHostDto> CoEducators);
