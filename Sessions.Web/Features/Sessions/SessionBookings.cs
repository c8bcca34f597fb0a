using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Booking sessions, for the dashboard and the API alike: new ones (scheduled ahead, or instant: created and started at
/// once), changes while they are still scheduled, and cancelling them before they start. Class members hear of each live.
/// </summary>
public sealed partial class SessionBookings(
    IDbContextFactory<SessionsDbContext> dbFactory,
    SessionService sessions,
    SessionTransitions transitions,
    LiveBroadcaster live,
    TimeProvider time,
    IOptions<SessionOptions> options,
    ILogger<SessionBookings> logger)
{
    /// <summary>A new session; an instant one is started in the same step and answers as live.</summary>
    public async Task<Result<SessionSummary>> CreateAsync(SessionActor actor, NewSession request, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        if (Check(request, now) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await ClassMembership.OwnedClassAsync(db, actor, request.ClassId, ct);
        if (owned.Error is { } classError)
        {
            return classError;
        }
        if (await db.Classes.AnyAsync(c => c.Id == request.ClassId && c.ArchivedUtc != null, ct))
        {
            return ClassErrors.Archived;
        }
        var tidy = request with { Title = TextRule.Tidy(request.Title), Description = TextRule.Tidy(request.Description) };
        if (request.Type == SessionType.Instant)
        {
            var started = await sessions.StartInstantAsync(actor, owned.Value!, tidy, ct);
            return started.Error is { } refused ? refused : started.Value!.Session;
        }

        var created = Session.Create(owned.Value!.Id, owned.Value.EducatorId, SessionType.Scheduled, tidy.Title!, tidy.Description,
            request.StartUtc!.Value, request.DurationMinutes, now, request.Settings);
        var session = SessionSummary.OfNew(created, owned.Value);
        await ResilientTransaction.ExecuteAsync(db, () =>
        {
            db.Sessions.Add(created);
            ActivityLog.Record(db, created.Id, actor.UserId,
                new SessionScheduledData(session.Title, ApiTime.Utc(session.ScheduledStartUtc), session.DurationMinutes), now);
            return Task.FromResult(true);
        }, () => live.PublishAsync(new SessionScheduledMessage(session.Id, session.ClassId, session.Title,
            ApiTime.Utc(session.ScheduledStartUtc), session.DurationMinutes), session.EducatorId), ct);
        return session;
    }

    /// <summary>Edits or reschedules a session while it is scheduled; enrolled students see the change live.</summary>
    public async Task<Result<SessionSummary>> UpdateAsync(SessionActor actor, Guid sessionId, SessionChanges changes, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedScheduledAsync(db, actor, sessionId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        var current = owned.Value!;
        var updated = current with
        {
            Title = changes.Title is null ? current.Title : TextRule.Tidy(changes.Title) ?? "",
            Description = changes.Description is null ? current.Description : TextRule.Tidy(changes.Description),
            ScheduledStartUtc = changes.StartUtc ?? current.ScheduledStartUtc,
            DurationMinutes = changes.DurationMinutes ?? current.DurationMinutes,
            Overrides = changes.Settings ?? current.Overrides,
        };
        if (Check(changes, updated, now) is { } invalid)
        {
            return invalid;
        }

        // Only while still scheduled: a start that won the race keeps the session as it started.
        var saved = await ResilientTransaction.ExecuteAsync(db, async () =>
            {
                var changed = await db.Sessions
                    .Where(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(s => s.Title, updated.Title)
                        .SetProperty(s => s.Description, updated.Description)
                        .SetProperty(s => s.ScheduledStartUtc, updated.ScheduledStartUtc)
                        .SetProperty(s => s.DurationMinutes, updated.DurationMinutes)
                        .SetProperty(s => s.Overrides, updated.Overrides), ct) == 1;
                if (changed)
                {
                    ActivityLog.Record(db, sessionId, actor.UserId,
                        new SessionUpdatedData(updated.Title, ApiTime.Utc(updated.ScheduledStartUtc), updated.DurationMinutes), now);
                }
                return changed;
            },
            () => live.PublishAsync(new SessionUpdatedMessage(updated.Id, updated.ClassId, updated.Title, updated.Description,
                ApiTime.Utc(updated.ScheduledStartUtc), updated.DurationMinutes), updated.EducatorId), ct);
        return saved ? updated : await RefusalNowAsync(db, sessionId, ct);
    }

    /// <summary>Cancels a session before it starts; it can never start afterwards.</summary>
    public async Task<Result<SessionSummary>> CancelAsync(SessionActor actor, Guid sessionId, string? reason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        SessionRules.CancellationReason.Check(errors, reason);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedScheduledAsync(db, actor, sessionId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        var now = time.StoredUtcNow();
        var tidyReason = TextRule.Tidy(reason);
        if (!await transitions.CancelAsync(db, owned.Value!, actor.UserId, tidyReason, now, ct))
        {
            return await RefusalNowAsync(db, sessionId, ct);
        }
        LogCancelled(logger, sessionId, actor.UserId);
        return owned.Value! with { Status = SessionStatus.Cancelled, CancelledUtc = now, CancellationReason = tidyReason };
    }

    private ServiceError? Check(NewSession request, DateTime now)
    {
        var errors = new FieldErrors();
        SessionRules.Title.Check(errors, request.Title);
        SessionRules.Description.Check(errors, request.Description);
        SessionRules.CheckDuration(errors, request.DurationMinutes);
        SessionRules.CheckSettings(errors, request.Settings);
        switch (request.Type)
        {
            case SessionType.Scheduled when request.StartUtc is null:
                errors.Add(SessionFields.Start, FieldMessage.Of("start_required", "A scheduled session needs its start time."));
                break;
            case SessionType.Scheduled:
                SessionRules.CheckStart(errors, request.StartUtc.Value, now, options.Value);
                break;
            case SessionType.Instant when request.StartUtc is not null:
                errors.Add(SessionFields.Start, FieldMessage.Of("start_not_for_instant", "An instant session starts now; leave the start time out."));
                break;
        }
        return errors.ToError();
    }

    private ServiceError? Check(SessionChanges changes, SessionSummary updated, DateTime now)
    {
        var errors = new FieldErrors();
        if (changes.Title is not null)
        {
            SessionRules.Title.Check(errors, changes.Title);
        }
        SessionRules.Description.Check(errors, changes.Description);
        if (changes.DurationMinutes is { } duration)
        {
            SessionRules.CheckDuration(errors, duration);
        }
        if (changes.StartUtc is { } startUtc)
        {
            SessionRules.CheckStart(errors, startUtc, now, options.Value);
        }
        SessionRules.CheckSettings(errors, changes.Settings);
        if (updated.Type == SessionType.Instant && changes.StartUtc is not null)
        {
            errors.Add(SessionFields.Start, FieldMessage.Of("instant_not_reschedulable", "An instant session cannot be rescheduled."));
        }
        return errors.ToError();
    }

    /// <summary>The session, if the caller may change it and it is still scheduled.</summary>
    private static async Task<Result<SessionSummary>> OwnedScheduledAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var owned = await SessionQueries.OwnedAsync(db, actor, sessionId, ct);
        if (owned.Error is not null)
        {
            return owned;
        }
        var session = owned.Value!;
        return session.Status == SessionStatus.Scheduled ? session : SessionErrors.InvalidStatus(session.Status);
    }

    private static async Task<ServiceError> RefusalNowAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct)
    {
        var status = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Status).SingleAsync(ct);
        return SessionErrors.InvalidStatus(status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} cancelled by {ActorId}")]
    private static partial void LogCancelled(ILogger logger, Guid sessionId, string actorId);
}
