using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Attendance;

/// <summary>
/// Stays in a session's room: one opens when a participant joins (within the session's capacity), ends when they leave,
/// and every open one ends when the session ends.
/// </summary>
public static class AttendanceStays
{
    /// <summary>
    /// True when this join opened the caller's stay, false when one was open already (another tab, a retried request).
    /// The count of students and the new interval share one transaction behind the session's row lock, so racing joins
    /// cannot overfill the room on either provider; the unique index on open intervals settles two joins of the same person: the loser keeps the winner's.
    /// </summary>
    /// <param name="isHost">The caller teaches the class (an admin, its owner or a co-educator): never kept out, never counted.</param>
    public static async Task<Result<bool>> TryOpenAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, bool isHost,
        DateTime now, CancellationToken ct)
    {
        try
        {
            return await ResilientTransaction.ExecuteAsync<Result<bool>>(db, async () =>
            {
                // A write that changes nothing, to take the live session's row lock until commit: under READ COMMITTED
                // (PostgreSQL) joins of one session then count and insert one at a time, as SQLite's single writer does.
                // A session completed since the caller was let in has closed its stays: 0 rows, and no new stay.
                var locked = await db.Sessions.Where(Session.IsLive).Where(s => s.Id == session.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, s => s.Status), ct);
                if (locked == 0)
                {
                    return RoomErrors.NotLive;
                }
                var inRoom = db.Attendance.Where(a => a.SessionId == session.Id && a.LeftUtc == null);
                if (await inRoom.AnyAsync(a => a.UserId == actor.UserId, ct))
                {
                    return false;
                }
                var students = inRoom.Where(a => a.UserId != session.EducatorId
                    && !db.ClassCoEducators.Any(c => c.ClassId == session.ClassId && c.EducatorId == a.UserId));
                if (!isHost && await students.CountAsync(ct) >= session.Settings.MaxParticipants)
                {
                    return RoomErrors.Full(session.Settings.MaxParticipants);
                }
                db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = actor.UserId, JoinedUtc = now });
                ActivityLog.Record(db, session.Id, actor.UserId, new ParticipantJoinedData(), now);
                return true;
            }, keep: opened => opened.Error is null && opened.Value, afterCommit: null, ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false; // the one-open-interval index: the other join opened it
        }
    }

    /// <summary>
    /// Closes <paramref name="userId"/>'s open interval while the session is live, with its activity entry; whether one was closed.
    /// </summary>
    public static Task<bool> LeaveAsync(SessionsDbContext db, Guid sessionId, string userId, DateTime at, CancellationToken ct)
    {
        var whileLive = db.Attendance.Where(a => db.Sessions.Where(Session.IsLive).Any(s => s.Id == a.SessionId));
        return ResilientTransaction.ExecuteAsync(db, async () =>
        {
            if (await CloseAsync(whileLive, sessionId, at, ct, userId) == 0)
            {
                return false;
            }
            ActivityLog.Record(db, sessionId, userId, new ParticipantLeftData(SessionEnded: false), at);
            return true;
        }, afterCommit: null, ct);
    }

    /// <summary>
    /// Closes the open intervals at <paramref name="at"/>, only <paramref name="userId"/>'s when given. A stay that began
    /// after <paramref name="at"/> (the worker completes a session as of its due moment, which may be a little past) ends
    /// where it began rather than before it.
    /// </summary>
    public static Task<int> CloseAsync(IQueryable<AttendanceInterval> intervals, Guid sessionId, DateTime at, CancellationToken ct,
        string? userId = null) =>
        intervals
            .Where(a => a.SessionId == sessionId && a.LeftUtc == null && (userId == null || a.UserId == userId))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LeftUtc, a => a.JoinedUtc > at ? a.JoinedUtc : at), ct);
}
