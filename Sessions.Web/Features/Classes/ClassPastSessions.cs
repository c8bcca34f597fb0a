using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// A class's completed sessions, newest first, for those who teach it (its owner, co-educators, admins): the list an educator
/// opens each session's report, attendance, chat and activity from. Attended counts the class's students present at least once,
/// as the roster's attendance rate does.
/// </summary>
public sealed class ClassPastSessions(IDbContextFactory<SessionsDbContext> dbFactory)
{
    public const int PageSize = 10;

    public async Task<Result<PastSessionPage>> ListAsync(SessionActor actor, int classId, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await ClassMembership.TaughtClassAsync(db, actor, classId, ct)).Error is { } refused)
        {
            return refused;
        }
        var completed = db.Sessions.AsNoTracking().Where(s => s.ClassId == classId && s.Status == SessionStatus.Completed);
        var total = await completed.CountAsync(ct);
        var students = db.Enrollments.Where(e => e.ClassId == classId);
        var items = await completed
            .OrderByDescending(s => s.ActualEndUtc).ThenByDescending(s => s.ScheduledStartUtc).ThenBy(s => s.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(s => new PastSession(
                s.Id,
                s.Title,
                s.ActualStartUtc ?? s.ScheduledStartUtc,
                s.ActualEndUtc ?? s.ScheduledStartUtc,
                students.Count(e => db.Attendance.Any(a => a.SessionId == s.Id && a.UserId == e.StudentId)),
                students.Count()))
            .ToListAsync(ct);
        return new PastSessionPage(items, total);
    }
}
