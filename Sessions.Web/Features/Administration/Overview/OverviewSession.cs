using System.Linq.Expressions;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Administration.Overview;

/// <summary>One session as the school overview lists it.</summary>
public sealed record OverviewSession(
    Guid Id,
    string Title,
    int ClassId,
    string ClassName,
    string ClassCode,
    string EducatorId,
    string EducatorName,
    SessionStatus Status,
    DateTime ScheduledStartUtc,
    int DurationMinutes,
    DateTime? ActualStartUtc,
    int ParticipantCount)
{
    public DateTime ScheduledEndUtc => ScheduledStartUtc.AddMinutesClamped(DurationMinutes);

    /// <summary>
    /// The row, in one SQL statement with the class and the educator joined; <see cref="ParticipantCount"/> is the stays open in
    /// its room now (one per person: a unique index), its educator's not counted.
    /// </summary>
    public static Expression<Func<Session, OverviewSession>> Projection(IQueryable<AttendanceInterval> attendance) => s => new OverviewSession(
        s.Id,
        s.Title,
        s.ClassId,
        s.Class!.Name,
        s.Class.Code,
        s.EducatorId,
        s.Educator!.DisplayName,
        s.Status,
        s.ScheduledStartUtc,
        s.DurationMinutes,
        s.ActualStartUtc,
        attendance.Count(a => a.SessionId == s.Id && a.LeftUtc == null && a.UserId != s.EducatorId));
}
