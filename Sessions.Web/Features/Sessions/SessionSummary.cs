using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Sessions;

/// <summary>A session as pages and the API show it.</summary>
public sealed record SessionSummary(
    Guid Id,
    int ClassId,
    string ClassName,
    string ClassSubject,
    string Title,
    string? Description,
    SessionType Type,
    SessionStatus Status,
    DateTime ScheduledStartUtc,
    int DurationMinutes,
    DateTime? ActualStartUtc,
    DateTime? ActualEndUtc,
    string EducatorId,
    string EducatorName,
    int EnrolledCount)
{
    public static readonly Expression<Func<Session, SessionSummary>> Projection = s => new SessionSummary(
        s.Id,
        s.ClassId,
        s.Class!.Name,
        s.Class.Subject,
        s.Title,
        s.Description,
        s.Type,
        s.Status,
        s.ScheduledStartUtc,
        s.DurationMinutes,
        s.ActualStartUtc,
        s.ActualEndUtc,
        s.EducatorId,
        s.Educator!.DisplayName,
        s.Class.Enrollments.Count);

    /// <summary>The session with this id, or null.</summary>
    public static Task<SessionSummary?> FindAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(Projection).SingleOrDefaultAsync(ct);

    public DateTime ScheduledEndUtc => ScheduledStartUtc.AddMinutes(DurationMinutes);

    /// <summary>A live session may not run past its booked duration, counted from its actual start.</summary>
    public DateTime BookedEndUtc => (ActualStartUtc ?? ScheduledStartUtc).AddMinutes(DurationMinutes);
}
