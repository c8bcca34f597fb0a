using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Features.Attendance;

/// <summary>Ends stays in a session's room: one participant's when they leave, everyone's when the session ends.</summary>
public static class AttendanceStays
{
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
