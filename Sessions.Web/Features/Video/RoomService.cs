using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;
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
    TimeProvider time,
    IOptions<Sessions.SessionOptions> options,
    SessionsTelemetry telemetry)
{
    /// <summary>
    /// Opens (or keeps) the caller's attendance interval and answers their tokens. A student finds the room full when
    /// the session's maximum of students are in it; the educator always gets in.
    /// </summary>
    public async Task<Result<RoomEntry>> JoinAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        using var activity = SessionsTelemetry.StartSessionActivity("room join", sessionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var (session, member) = access.Value!;
        var now = time.StoredUtcNow();
        // Already in the room (another tab, a retried request): the stay that is open goes on, announced once.
        var opened = await TryOpenIntervalAsync(db, actor, session, now, ct);
        if (opened.Error is { } full)
        {
            return full;
        }
        if (opened.Value)
        {
            telemetry.RoomJoined();
            await live.PublishAsync(new ParticipantJoinedMessage(sessionId, session.ClassId, actor.UserId, member.DisplayName,
                (uint)member.RtcUid, ApiTime.Utc(now)), session.EducatorId);
        }
        return new RoomEntry(session, Issue(actor, session, member), actor.CanActFor(session.EducatorId));
    }

    /// <summary>
    /// Closes the caller's open interval, if any, while the session is live. Safe to call twice (a leave button, then a
    /// closed tab); after the end there is nothing to leave: its end closed every stay, and nobody hears of it again.
    /// </summary>
    public async Task LeaveAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.StoredUtcNow();
        var whileLive = db.Attendance.Where(a => db.Sessions.Where(Session.IsLive).Any(s => s.Id == a.SessionId));
        var closed = await AttendanceStays.CloseAsync(whileLive, sessionId, now, ct, actor.UserId);
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

    /// <summary>Students publish only when the session lets them use camera and microphone; otherwise they watch and listen.</summary>
    private RoomTokens Issue(SessionActor actor, SessionSummary session, Member member)
    {
        var role = actor.CanActFor(session.EducatorId) || session.Settings.StudentMediaEnabled ? AgoraRole.Publisher : AgoraRole.Subscriber;
        return tokens.Issue(actor.UserId, member.RtcUid, Session.ChannelNameFor(session.Id), role, options.Value.LatestEndOf(session));
    }

    /// <summary>
    /// True when this join opened the caller's stay, false when one was open already (another tab, a retried request).
    /// The count of students and the new interval share one transaction behind the session's row lock, so racing joins
    /// cannot overfill the room on either provider;
    /// the unique index on open intervals settles two joins of the same person: the loser keeps the winner's.
    /// </summary>
    private static async Task<Result<bool>> TryOpenIntervalAsync(SessionsDbContext db, SessionActor actor, SessionSummary session,
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
                if (!actor.CanActFor(session.EducatorId)
                    && await inRoom.CountAsync(a => a.UserId != session.EducatorId, ct) >= session.Settings.MaxParticipants)
                {
                    return RoomErrors.Full(session.Settings.MaxParticipants);
                }
                db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = actor.UserId, JoinedUtc = now });
                return true;
            }, keep: opened => opened.Error is null && opened.Value, afterCommit: null, ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false; // the one-open-interval index: the other join opened it
        }
    }

}
