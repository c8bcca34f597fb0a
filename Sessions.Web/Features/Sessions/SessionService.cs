using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Starting and ending sessions, used alike by the educator's page, the portal API and the mobile contract. The rules
/// are checked here; the state change itself is <see cref="SessionTransitions"/>' conditional UPDATE, so concurrent
/// callers make exactly one transition, and only the winner broadcasts it.
/// </summary>
public sealed partial class SessionService(
    IDbContextFactory<SessionsDbContext> dbFactory,
    SessionTransitions transitions,
    RoomTokenIssuer tokens,
    TimeProvider time,
    IOptions<SessionOptions> options,
    SessionsTelemetry telemetry,
    ILogger<SessionService> logger)
{
    /// <summary>Starts the session: those who teach its class may (its owner, a co-educator, an admin).</summary>
    /// <param name="educatorId">
    /// When the caller names the educator (the mobile contract), it must be the caller; an admin names the session's own educator.
    /// </param>
    public async Task<Result<StartedSession>> StartAsync(
        SessionActor actor, Guid sessionId, CancellationToken ct, string? educatorId = null)
    {
        using var activity = SessionsTelemetry.StartSessionActivity("session start", sessionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taught = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
        if (taught.Error is { } refused)
        {
            return refused;
        }
        var session = taught.Value!;
        if (educatorId is not null && educatorId != (actor.IsAdmin ? session.EducatorId : actor.UserId))
        {
            return SessionErrors.NotOwner;
        }
        if (session.Status.IsLive())
        {
            return await EnterAsync(db, actor, session, ct);
        }
        if (!SessionStateMachine.CanMove(session.Status, SessionStatus.InProgress))
        {
            return SessionErrors.InvalidStatus(session.Status);
        }

        var now = time.StoredUtcNow();
        if (RefuseStart(session, now) is { } notNow)
        {
            return notNow;
        }
        if (!await transitions.StartAsync(db, session, actor.UserId, now, ct))
        {
            return await ExplainLostStartAsync(db, actor, sessionId, ct);
        }
        LogStarted(logger, session.Id, session.EducatorId, actor.UserId);
        telemetry.SessionStarted();
        return await EnterAsync(db, actor, session with { Status = SessionStatus.InProgress, ActualStartUtc = now }, ct);
    }

    /// <summary>Creates a session and starts it at once, in one transaction: a refusal leaves nothing behind.</summary>
    public async Task<Result<StartedSession>> StartInstantAsync(SessionActor actor, ClassSummary owned, NewSession request, CancellationToken ct)
    {
        if (owned.EnrolledCount == 0)
        {
            return SessionErrors.NoStudentsEnrolled;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.StoredUtcNow();
        var created = Session.Create(owned.Id, owned.EducatorId, SessionType.Instant, request.Title!, request.Description,
            now, request.DurationMinutes, now, request.Settings);
        using var activity = SessionsTelemetry.StartSessionActivity("session start", created.Id);
        var session = SessionSummary.OfNew(created, owned);
        var started = await transitions.StartAsync(db, session, actor.UserId, now, ct, createFirst: async () =>
        {
            db.Sessions.Add(created);
            await db.SaveChangesAsync(ct);
        });
        if (!started)
        {
            return SessionErrors.EducatorAlreadyLive(await LiveSessionOfAsync(db, owned.EducatorId, ct) ?? Guid.Empty);
        }
        LogStarted(logger, session.Id, session.EducatorId, actor.UserId);
        telemetry.SessionStarted();
        return await EnterAsync(db, actor, session with { Status = SessionStatus.InProgress, ActualStartUtc = now }, ct);
    }

    /// <summary>
    /// One who teaches the class ends a live session at once, wrap-up or not. Ending a completed session again answers it as it is.
    /// </summary>
    public async Task<Result<EndedSession>> EndAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taught = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
        if (taught.Error is { } refused)
        {
            return refused;
        }
        var session = taught.Value!;
        if (session.Status == SessionStatus.Completed)
        {
            return new EndedSession(session, session.ActualEndUtc!.Value);
        }
        if (!SessionStateMachine.CanMove(session.Status, SessionStatus.Completed))
        {
            return SessionErrors.InvalidStatus(session.Status);
        }

        var now = time.StoredUtcNow();
        if (!await transitions.CompleteAsync(db, session, actor.UserId, now, ct))
        {
            // Someone else (another tab, the lifecycle worker) ended it first.
            var current = (await SessionSummary.FindAsync(db, sessionId, ct))!;
            return current.Status == SessionStatus.Completed
                ? new EndedSession(current, current.ActualEndUtc!.Value)
                : SessionErrors.InvalidStatus(current.Status);
        }
        LogEnded(logger, sessionId, actor.UserId);
        return new EndedSession(session with { Status = SessionStatus.Completed, ActualEndUtc = now }, now);
    }

    public StartWindow WindowOf(SessionSummary session) =>
        StartWindow.For(session.ScheduledStartUtc, session.DurationMinutes, options.Value.EarlyStartMinutes);

    private ServiceError? RefuseStart(SessionSummary session, DateTime now)
    {
        var window = WindowOf(session);
        if (!window.IsOpenAt(now))
        {
            return SessionErrors.OutsideStartWindow(window, now, options.Value.EarlyStartMinutes);
        }
        return StartBlocker(session, ownersLiveSessionId: null);
    }

    /// <summary>
    /// Why a session cannot start whatever the time: its class has no students, or its owner has another session live
    /// (<paramref name="ownersLiveSessionId"/>, where the caller knows it; the start's UPDATE checks it in any case). The
    /// session card shows the same refusal before the click that a start answers after it.
    /// </summary>
    public static ServiceError? StartBlocker(SessionSummary session, Guid? ownersLiveSessionId) =>
        session.EnrolledCount == 0 ? SessionErrors.NoStudentsEnrolled
        : ownersLiveSessionId is { } liveId && liveId != session.Id ? SessionErrors.EducatorAlreadyLive(liveId)
        : null;

    private async Task<Result<StartedSession>> ExplainLostStartAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var current = (await SessionSummary.FindAsync(db, sessionId, ct))!;
        if (current.Status.IsLive())
        {
            // A concurrent start of this same session won: answer as the idempotent repeat.
            return await EnterAsync(db, actor, current, ct);
        }
        if (current.Status != SessionStatus.Scheduled)
        {
            return SessionErrors.InvalidStatus(current.Status);
        }
        if (await LiveSessionOfAsync(db, current.EducatorId, ct) is { } liveId)
        {
            return SessionErrors.EducatorAlreadyLive(liveId);
        }
        // Rescheduled meanwhile: the refusal its new time deserves.
        return RefuseStart(current, time.StoredUtcNow()) ?? SessionErrors.InvalidStatus(current.Status);
    }

    /// <summary>The caller's way into a live session: its start time, elapsed time and fresh tokens.</summary>
    private async Task<StartedSession> EnterAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, CancellationToken ct)
    {
        var rtcUid = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.RtcUid).SingleAsync(ct);
        var startedAt = session.ActualStartUtc!.Value;
        var issued = tokens.Issue(actor.UserId, rtcUid, Session.ChannelNameFor(session.Id), AgoraRole.Publisher,
            options.Value.LatestEndOf(session));
        var elapsed = time.GetUtcNow().UtcDateTime - startedAt;
        return new StartedSession(session, issued, startedAt, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    /// <summary>The educator's live session: "one live session per educator" counts the sessions they own, whoever started them.</summary>
    private static Task<Guid?> LiveSessionOfAsync(SessionsDbContext db, string educatorId, CancellationToken ct) =>
        db.Sessions.Where(s => s.EducatorId == educatorId).Where(Session.IsLive)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} of educator {EducatorId} started by {ActorId}")]
    private static partial void LogStarted(ILogger logger, Guid sessionId, string educatorId, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended by {ActorId}")]
    private static partial void LogEnded(ILogger logger, Guid sessionId, string actorId);
}
