using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Video;

/// <summary>
/// Entering and leaving a live session's room, for the room page and the mobile API alike: who may enter, their
/// tokens, and the attendance intervals that record each stay.
/// </summary>
public sealed class RoomService(
    IDbContextFactory<SessionsDbContext> dbFactory,
    RoomTokenIssuer tokens,
    LiveBroadcaster live,
    TimeProvider time)
{
    /// <summary>Opens (or keeps) the caller's attendance interval and answers their tokens.</summary>
    public async Task<Result<RoomEntry>> JoinAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var (session, member) = access.Value!;
        var now = time.StoredUtcNow();
        // Already in the room (another tab, a retried request): the stay that is open goes on, announced once.
        var alreadyIn = await db.Attendance.AnyAsync(a => a.SessionId == sessionId && a.UserId == actor.UserId && a.LeftUtc == null, ct);
        if (!alreadyIn && await TryOpenIntervalAsync(db, sessionId, actor.UserId, now, ct))
        {
            await live.PublishAsync(new ParticipantJoinedMessage(sessionId, session.ClassId, actor.UserId, member.DisplayName,
                (uint)member.RtcUid, ApiTime.Utc(now)), session.EducatorId);
        }
        return new RoomEntry(session, Issue(actor, session, member), actor.CanActFor(session.EducatorId));
    }

    /// <summary>Closes the caller's open interval, if any. Safe to call twice (a leave button, then a closed tab).</summary>
    public async Task LeaveAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.StoredUtcNow();
        var closed = await db.Attendance
            .Where(a => a.SessionId == sessionId && a.UserId == actor.UserId && a.LeftUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LeftUtc, now), ct);
        if (closed == 0)
        {
            return;
        }
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.ClassId, s.EducatorId }).SingleAsync(ct);
        await live.PublishAsync(new ParticipantLeftMessage(sessionId, session.ClassId, actor.UserId, ApiTime.Utc(now)), session.EducatorId);
    }

    /// <summary>Fresh tokens for a participant who is still allowed in (the token is about to expire).</summary>
    public async Task<Result<RoomTokens>> RenewTokensAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var (session, member) = access.Value!;
        return Issue(actor, session, member);
    }

    public async Task<IReadOnlyList<RoomParticipant>> ParticipantsAsync(Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var educatorId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.EducatorId).SingleOrDefaultAsync(ct);
        return await db.Attendance.AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.LeftUtc == null)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.JoinedUtc, u.Id, u.DisplayName, u.RtcUid })
            .OrderBy(p => p.JoinedUtc)
            .Select(p => new RoomParticipant(p.Id, p.DisplayName, (uint)p.RtcUid, p.JoinedUtc, p.Id == educatorId))
            .ToListAsync(ct);
    }

    private sealed record Member(string DisplayName, long RtcUid);

    /// <summary>Members of the session's class (its educator, enrolled students, admins) while it is live.</summary>
    private static async Task<Result<(SessionSummary Session, Member Member)>> AccessAsync(
        SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var readable = await SessionQueries.ReadableAsync(db, actor, sessionId, ct);
        if (readable.Error is { } refused)
        {
            return refused;
        }
        var session = readable.Value!;
        if (!session.Status.IsLive())
        {
            return RoomErrors.NotLive;
        }
        var member = await db.Users.Where(u => u.Id == actor.UserId).Select(u => new Member(u.DisplayName, u.RtcUid)).SingleAsync(ct);
        return (session, member);
    }

    private RoomTokens Issue(SessionActor actor, SessionSummary session, Member member) =>
        tokens.Issue(actor.UserId, member.RtcUid, Session.ChannelNameFor(session.Id), AgoraRole.Publisher, session.BookedEndUtc);

    /// <summary>The unique index on open intervals settles two joins racing each other: the loser keeps the winner's.</summary>
    private static async Task<bool> TryOpenIntervalAsync(SessionsDbContext db, Guid sessionId, string userId, DateTime now, CancellationToken ct)
    {
        db.Attendance.Add(new AttendanceInterval { SessionId = sessionId, UserId = userId, JoinedUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            return false; // SQLITE_CONSTRAINT: the other join opened it
        }
    }

}
