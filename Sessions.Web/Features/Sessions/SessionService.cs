using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// The session lifecycle, used alike by the educator's page and the API. Every state change is one conditional
/// UPDATE, so concurrent callers make exactly one transition, and only the winner broadcasts it.
/// </summary>
public sealed partial class SessionService(
    IDbContextFactory<SessionsDbContext> dbFactory,
    LiveBroadcaster live,
    SessionNotifications notifications,
    RoomTokenIssuer tokens,
    TimeProvider time,
    IOptions<SessionOptions> options,
    ILogger<SessionService> logger)
{
    /// <param name="educatorId">When the caller names the educator (the mobile contract), it must be the session's.</param>
    public async Task<Result<StartedSession>> StartAsync(
        SessionActor actor, Guid sessionId, CancellationToken ct, string? educatorId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        if (!actor.CanActFor(session.EducatorId) || (educatorId is not null && educatorId != session.EducatorId))
        {
            return SessionErrors.NotOwner;
        }
        if (session.Status.IsLive())
        {
            return await EnterAsync(db, actor, session, ct);
        }
        if (session.Status != SessionStatus.Scheduled)
        {
            return SessionErrors.InvalidStatus(session.Status);
        }

        var now = time.StoredUtcNow();
        var window = WindowOf(session);
        if (!window.IsOpenAt(now))
        {
            return SessionErrors.OutsideStartWindow(window, now, options.Value.EarlyStartMinutes);
        }
        if (session.EnrolledCount == 0)
        {
            return SessionErrors.NoStudentsEnrolled;
        }
        if (!await TransitionAsync(db, () => GoLiveAsync(db, sessionId, session.EducatorId, now, ct), ct))
        {
            return await ExplainLostStartAsync(db, actor, sessionId, ct);
        }
        return await AnnounceStartAsync(db, actor, session with { Status = SessionStatus.InProgress, ActualStartUtc = now }, ct);
    }

    /// <summary>Creates a session and starts it at once; a refusal leaves nothing behind.</summary>
    public async Task<Result<StartedSession>> StartInstantAsync(SessionActor actor, InstantSessionRequest request, CancellationToken ct)
    {
        if (Validate(request.Title, request.Description, request.DurationMinutes) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedClassAsync(db, actor, request.ClassId, ct);
        if (owned.Error is { } classError)
        {
            return classError;
        }
        if (owned.Value!.EnrolledCount == 0)
        {
            return SessionErrors.NoStudentsEnrolled;
        }

        var now = time.StoredUtcNow();
        var session = Session.Create(owned.Value.Id, owned.Value.EducatorId, SessionType.Instant, request.Title, request.Description,
            now, request.DurationMinutes, now);
        var started = await TransitionAsync(db, async () =>
        {
            db.Sessions.Add(session);
            await db.SaveChangesAsync(ct);
            return await GoLiveAsync(db, session.Id, session.EducatorId, now, ct);
        }, ct);
        if (!started)
        {
            return SessionErrors.EducatorAlreadyLive(await LiveSessionOfAsync(db, session.EducatorId, ct) ?? Guid.Empty);
        }
        var summary = (await SessionSummary.FindAsync(db, session.Id, ct))!;
        return await AnnounceStartAsync(db, actor, summary, ct);
    }

    public async Task<Result<SessionSummary>> ScheduleAsync(SessionActor actor, ScheduleSessionRequest request, CancellationToken ct)
    {
        if (Validate(request.Title, request.Description, request.DurationMinutes) is { } invalid)
        {
            return invalid;
        }
        var now = time.StoredUtcNow();
        if (request.StartUtc < now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)))
        {
            return ServiceError.Validation("scheduledStartTime", "The start time must not be in the past.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedClassAsync(db, actor, request.ClassId, ct);
        if (owned.Error is { } classError)
        {
            return classError;
        }

        var session = Session.Create(owned.Value!.Id, owned.Value.EducatorId, SessionType.Scheduled, request.Title, request.Description,
            request.StartUtc, request.DurationMinutes, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        var summary = (await SessionSummary.FindAsync(db, session.Id, ct))!;
        await live.PublishAsync(new SessionScheduledMessage(summary.Id, summary.ClassId, summary.Title,
            ApiTime.Utc(summary.ScheduledStartUtc), summary.DurationMinutes), summary.EducatorId);
        return summary;
    }

    public async Task<Result<EndedSession>> EndAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        if (!actor.CanActFor(session.EducatorId))
        {
            return SessionErrors.NotOwner;
        }
        if (session.Status == SessionStatus.Completed)
        {
            return new EndedSession(session, session.ActualEndUtc!.Value);
        }
        if (!session.Status.IsLive())
        {
            return SessionErrors.InvalidStatus(session.Status);
        }

        var now = time.StoredUtcNow();
        var ended = await TransitionAsync(db, async () =>
        {
            var completed = await db.Sessions
                .Where(s => s.Id == sessionId)
                .Where(Session.IsLive)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SessionStatus.Completed)
                    .SetProperty(s => s.ActualEndUtc, now), ct);
            if (completed == 1)
            {
                notifications.Add(db, NotificationKind.SessionEnded, session.EducatorId, sessionId, now, now);
            }
            return completed == 1;
        }, ct);
        if (!ended)
        {
            var current = (await SessionSummary.FindAsync(db, sessionId, ct))!;
            return current.Status == SessionStatus.Completed
                ? new EndedSession(current, current.ActualEndUtc!.Value)
                : SessionErrors.InvalidStatus(current.Status);
        }

        LogEnded(logger, sessionId, actor.UserId);
        await live.PublishAsync(new SessionEndedMessage(sessionId, session.ClassId, ApiTime.Utc(now)), session.EducatorId);
        return new EndedSession(session with { Status = SessionStatus.Completed, ActualEndUtc = now }, now);
    }


    public StartWindow WindowOf(SessionSummary session) =>
        StartWindow.For(session.ScheduledStartUtc, session.DurationMinutes, options.Value.EarlyStartMinutes);

    /// <summary>
    /// Runs a state change and the notification it owes the mobile apps in one transaction, so both are stored or
    /// neither; then wakes the notifier. <paramref name="change"/> answers false when it lost a race (nothing is kept).
    /// </summary>
    private async Task<bool> TransitionAsync(SessionsDbContext db, Func<Task<bool>> change, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await change())
            {
                return false;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        notifications.Flush();
        return true;
    }

    /// <summary>The in-progress transition plus the notifier's <c>in_progress</c> write, inside the caller's transaction.</summary>
    private async Task<bool> GoLiveAsync(SessionsDbContext db, Guid sessionId, string educatorId, DateTime now, CancellationToken ct)
    {
        if (!await TryGoLiveAsync(db, sessionId, educatorId, now, ct))
        {
            return false;
        }
        notifications.Add(db, NotificationKind.SessionStarted, educatorId, sessionId, null, now);
        return true;
    }

    /// <summary>
    /// scheduled → in progress, only if it still is scheduled and its educator has nothing else live:
    /// one statement, so SQLite decides the race and the loser sees zero rows.
    /// </summary>
    private static async Task<bool> TryGoLiveAsync(SessionsDbContext db, Guid sessionId, string educatorId, DateTime now, CancellationToken ct) =>
        await db.Sessions
            .Where(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled
                && !db.Sessions.Where(Session.IsLive).Any(other => other.EducatorId == educatorId))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SessionStatus.InProgress)
                .SetProperty(s => s.ActualStartUtc, now), ct) == 1;

    private async Task<Result<StartedSession>> ExplainLostStartAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var current = (await SessionSummary.FindAsync(db, sessionId, ct))!;
        if (current.Status.IsLive())
        {
            // A concurrent start of this same session won: answer as the idempotent repeat.
            return await EnterAsync(db, actor, current, ct);
        }
        if (current.Status == SessionStatus.Scheduled && await LiveSessionOfAsync(db, current.EducatorId, ct) is { } liveId)
        {
            return SessionErrors.EducatorAlreadyLive(liveId);
        }
        return SessionErrors.InvalidStatus(current.Status);
    }

    private async Task<Result<StartedSession>> AnnounceStartAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, CancellationToken ct)
    {
        var startedAt = session.ActualStartUtc!.Value;
        LogStarted(logger, session.Id, session.EducatorId, actor.UserId);
        await live.PublishAsync(new SessionStartedMessage(session.Id, session.ClassId, session.Title, session.EducatorName,
            ApiTime.Utc(startedAt)), session.EducatorId);
        return await EnterAsync(db, actor, session, ct);
    }

    /// <summary>The caller's way into a live session: its start time, elapsed time and fresh tokens.</summary>
    private async Task<StartedSession> EnterAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, CancellationToken ct)
    {
        var rtcUid = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.RtcUid).SingleAsync(ct);
        var startedAt = session.ActualStartUtc!.Value;
        var issued = tokens.Issue(actor.UserId, rtcUid, Session.ChannelNameFor(session.Id), AgoraRole.Publisher, session.BookedEndUtc);
        var elapsed = time.GetUtcNow().UtcDateTime - startedAt;
        return new StartedSession(session, issued, startedAt, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    private static async Task<Result<ClassSummary>> OwnedClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        var owned = await db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(ClassSummary.Projection).SingleOrDefaultAsync(ct);
        if (owned is null)
        {
            return ClassErrors.NotFound;
        }
        return actor.CanActFor(owned.EducatorId) ? owned : ClassErrors.NotOwner;
    }

    private static ServiceError? Validate(string? title, string? description, int durationMinutes)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > Session.TitleMaxLength)
        {
            return ServiceError.Validation("title", $"A title of 1 to {Session.TitleMaxLength} characters is required.");
        }
        if (description?.Length > Session.DescriptionMaxLength)
        {
            return ServiceError.Validation("description", $"The description may have at most {Session.DescriptionMaxLength} characters.");
        }
        if (durationMinutes is < Session.MinDurationMinutes or > Session.MaxDurationMinutes)
        {
            return ServiceError.Validation("durationMinutes",
                $"The duration must be between {Session.MinDurationMinutes} and {Session.MaxDurationMinutes} minutes.");
        }
        return null;
    }

    private static Task<Guid?> LiveSessionOfAsync(SessionsDbContext db, string educatorId, CancellationToken ct) =>
        db.Sessions.Where(s => s.EducatorId == educatorId).Where(Session.IsLive)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} of educator {EducatorId} started by {ActorId}")]
    private static partial void LogStarted(ILogger logger, Guid sessionId, string educatorId, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended by {ActorId}")]
    private static partial void LogEnded(ILogger logger, Guid sessionId, string actorId);
}
