using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Video;

/// <summary>
/// Entering and leaving a live session's room, for the room page and the mobile API alike: who may enter and their
/// tokens; the stays themselves are recorded by <see cref="AttendanceStays"/>.
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
            return await RefusedAsync(db, actor, sessionId, refused, ct);
        }
        var (session, member) = access.Value!;
        var now = time.StoredUtcNow();
        // Already in the room (another tab, a retried request): the stay that is open goes on, announced once.
        var opened = await AttendanceStays.TryOpenAsync(db, actor, session, member.IsHost, now, ct);
        if (opened.Error is { } full)
        {
            return await RefusedAsync(db, actor, sessionId, full, ct);
        }
        if (opened.Value)
        {
            telemetry.RoomJoined();
            await live.PublishAsync(new ParticipantJoinedMessage(sessionId, session.ClassId, actor.UserId, member.DisplayName,
                (uint)member.RtcUid, ApiTime.Utc(now)), session.EducatorId);
        }
        return new RoomEntry(session, Issue(actor, session, member), member.IsHost);
    }

    /// <summary>
    /// Closes the caller's open interval, if any, while the session is live. Safe to call twice (a leave button, then a
    /// closed tab); after the end there is nothing to leave: its end closed every stay, and nobody hears of it again.
    /// </summary>
    public async Task LeaveAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.StoredUtcNow();
        if (!await AttendanceStays.LeaveAsync(db, sessionId, actor.UserId, now, ct))
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
        var renewed = Issue(actor, session, member);
        ActivityLog.Record(db, sessionId, actor.UserId, new TokenRenewedData(ApiTime.Utc(renewed.ExpiresAtUtc)), time.StoredUtcNow());
        await db.SaveChangesAsync(ct);
        return renewed;
    }

    /// <summary>
    /// A member of the class turned away from the room (not live yet, full) is on the session's log with the refusal's code;
    /// those who are not members (or name no session) are not: the log is the class's, not a record of strangers' attempts.
    /// Nor is anything after the end: a session's log is closed once it is over.
    /// </summary>
    private async Task<Result<RoomEntry>> RefusedAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, ServiceError refusal,
        CancellationToken ct)
    {
        if (refusal == SessionErrors.NotFound || refusal == SessionErrors.NotMember
            || await db.Sessions.AnyAsync(s => s.Id == sessionId && (s.Status == SessionStatus.Completed || s.Status == SessionStatus.Cancelled), ct))
        {
            return refusal;
        }
        db.ChangeTracker.Clear(); // what the refused join added was rolled back with it
        ActivityLog.Record(db, sessionId, actor.UserId, new JoinRefusedData(refusal.Code), time.StoredUtcNow());
        await db.SaveChangesAsync(ct);
        return refusal;
    }

    public async Task<IReadOnlyList<RoomParticipant>> ParticipantsAsync(Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.Where(s => s.Id == sessionId).Select(s => new { s.EducatorId, s.ClassId }).SingleOrDefaultAsync(ct);
        if (session is null)
        {
            return [];
        }
        // Hosts: the session's educator and the class's co-educators.
        var coEducators = db.ClassCoEducators.Where(c => c.ClassId == session.ClassId).Select(c => c.EducatorId);
        return await db.Attendance.AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.LeftUtc == null)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.JoinedUtc, u.Id, u.DisplayName, u.RtcUid })
            .OrderBy(p => p.JoinedUtc)
            .Select(p => new RoomParticipant(p.Id, p.DisplayName, (uint)p.RtcUid, p.JoinedUtc,
                p.Id == session.EducatorId || coEducators.Contains(p.Id)))
            .ToListAsync(ct);
    }

    /// <param name="IsHost">Teaches the class (<see cref="ClassMembership"/>): publishes, moderates, is never kept out of a full room.</param>
    private sealed record Member(string DisplayName, long RtcUid, bool IsHost);

    /// <summary>Members of the session's class (those who teach it, enrolled students) while it is live.</summary>
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
        var user = await db.Users.Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.RtcUid }).SingleAsync(ct);
        return (session, new Member(user.DisplayName, user.RtcUid, await ClassMembership.TeachesAsync(db, actor, session, ct)));
    }

    /// <summary>Students publish only when the session lets them use camera and microphone; otherwise they watch and listen.</summary>
    private RoomTokens Issue(SessionActor actor, SessionSummary session, Member member)
    {
        var role = member.IsHost || session.Settings.StudentMediaEnabled ? AgoraRole.Publisher : AgoraRole.Subscriber;
        return tokens.Issue(actor.UserId, member.RtcUid, Session.ChannelNameFor(session.Id), role, options.Value.LatestEndOf(session));
    }
}
