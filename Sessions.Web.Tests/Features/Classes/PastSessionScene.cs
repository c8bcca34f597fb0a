using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>A class with sessions held in the past: stored as the end of a session leaves them (completed, with attendance).</summary>
internal static class PastSessionScene
{
    /// <summary>A 45-minute session of the class that ended <paramref name="endedAgo"/> before the app's now, <paramref name="present"/> present in it.</summary>
    public static async Task<Guid> CompletedAsync(SessionsAppFactory app, SchoolClass schoolClass, string title, TimeSpan endedAgo, params AppUser[] present)
    {
        var booked = await app.Data.SessionAsync(schoolClass, startsIn: -endedAgo - TimeSpan.FromMinutes(45));
        await using var db = await app.Data.DbAsync();
        var session = await db.Sessions.SingleAsync(s => s.Id == booked.Id);
        session.Title = title;
        session.Status = SessionStatus.Completed;
        session.ActualStartUtc = session.ScheduledStartUtc;
        session.ActualEndUtc = session.ScheduledStartUtc.AddMinutes(45);
        db.Attendance.AddRange(present.Select(student => new AttendanceInterval
        {
            SessionId = session.Id, UserId = student.Id, JoinedUtc = session.ActualStartUtc.Value, LeftUtc = session.ActualEndUtc,
        }));
        await db.SaveChangesAsync();
        return session.Id;
    }
}
