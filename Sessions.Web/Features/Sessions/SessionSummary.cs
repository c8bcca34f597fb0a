using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure;
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
    int EnrolledCount,
    DateTime? WrapUpEndsUtc,
    DateTime? CancelledUtc,
    string? CancellationReason,
    SessionSettingOverrides Overrides,
    SessionSettings ClassDefaults,
    Guid? SeriesId)
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
        s.Class.Enrollments.Count,
        s.WrapUpEndsUtc,
        s.CancelledUtc,
        s.CancellationReason,
        s.Overrides,
        s.Class.SessionDefaults,
        s.SeriesId);

    /// <summary>A session not stored yet (an instant one, inside the transaction that stores and starts it).</summary>
    public static SessionSummary OfNew(Session s, ClassSummary owner) => new(
        s.Id, owner.Id, owner.Name, owner.Subject, s.Title, s.Description, s.Type, s.Status, s.ScheduledStartUtc, s.DurationMinutes,
        s.ActualStartUtc, s.ActualEndUtc, owner.EducatorId, owner.EducatorName, owner.EnrolledCount, s.WrapUpEndsUtc, s.CancelledUtc,
        s.CancellationReason, s.Overrides, owner.SessionDefaults, s.SeriesId);

    /// <summary>The session with this id, or null.</summary>
    public static Task<SessionSummary?> FindAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(Projection).SingleOrDefaultAsync(ct);

    public DateTime ScheduledEndUtc => ScheduledStartUtc.AddMinutesClamped(DurationMinutes);

    /// <summary>The settings this session runs with: its overrides over its class's defaults.</summary>
    public SessionSettings Settings => Overrides.Over(ClassDefaults);

    public bool WasMissed => Status == SessionStatus.Cancelled && CancellationReason == Session.MissedReason;

    /// <summary>A live session may not run past its booked duration, counted from its actual start.</summary>
    public DateTime BookedEndUtc => (ActualStartUtc ?? ScheduledStartUtc).AddMinutesClamped(DurationMinutes);
}
