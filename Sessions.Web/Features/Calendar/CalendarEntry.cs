using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Calendar;

/// <summary>
/// One session as calendars show it. <see cref="Sequence"/> counts its changes (moves, edits, the cancellation), so a
/// calendar that already has the event replaces it; <see cref="LastModifiedUtc"/> is the latest of them, or the booking.
/// </summary>
public sealed record CalendarEntry(
    Guid SessionId,
    int ClassId,
    string ClassName,
    string EducatorName,
    string EducatorTimeZoneId,
    string Title,
    string? Description,
    SessionStatus Status,
    DateTime StartUtc,
    int DurationMinutes,
    int Sequence,
    DateTime LastModifiedUtc)
{
    public DateTime EndUtc => StartUtc.AddMinutes(DurationMinutes);
}
