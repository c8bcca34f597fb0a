using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Attendance;

/// <summary>Attendance reports for those who teach a session's class: minutes attended per enrolled student, and absentees.</summary>
public sealed class AttendanceService(IDbContextFactory<SessionsDbContext> dbFactory, TimeProvider time)
{
    public async Task<Result<AttendanceReport>> ReportAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        var session = owned.Value!;

        var students = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClassId == session.ClassId)
            .Select(e => new { e.Student!.Id, e.Student.DisplayName, e.Student.Email })
            .OrderBy(s => s.DisplayName)
            .ToListAsync(ct);
        var intervals = await db.Attendance.AsNoTracking()
            .Where(a => a.SessionId == sessionId)
            .Select(a => new { a.UserId, a.JoinedUtc, a.LeftUtc })
            .ToListAsync(ct);
        // A stay still open counts until the session's end, or until now while it is live.
        var until = session.ActualEndUtc ?? time.GetUtcNow().UtcDateTime;
        var byUser = intervals.ToLookup(a => a.UserId);
        var lines = students.ConvertAll(s =>
        {
            var stays = byUser[s.Id].ToList();
            var minutes = stays.Sum(a => Math.Max(0, ((a.LeftUtc is { } left && left < until ? left : until) - a.JoinedUtc).TotalMinutes));
            return new AttendanceLine(s.Id, s.DisplayName, s.Email ?? "", stays.Count == 0 ? null : stays.Min(a => a.JoinedUtc), Math.Round(minutes, 1));
        });
        return new AttendanceReport(session, lines);
    }
}
