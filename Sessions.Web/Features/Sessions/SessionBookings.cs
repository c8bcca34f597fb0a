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
        if (CheckNew(request, now).ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bookable = await BookableClassAsync(db, actor, request.ClassId, ct);
        if (bookable.Error is { } classError)
        {
            return classError;
        }
        var tidy = Tidy(request);
        if (request.Type == SessionType.Instant)
        {
            var started = await sessions.StartInstantAsync(actor, bookable.Value!, tidy, ct);
            return started.Error is { } refused ? refused : started.Value!.Session;
        }
        var booked = await ScheduleAsync(db, actor, bookable.Value!, tidy, [request.StartUtc!.Value], seriesId: null, now, ct);
        return booked[0];
    }

    /// <summary>The class, if the caller may book in it (its owner or an admin) and it still takes sessions.</summary>
    internal static async Task<Result<ClassSummary>> BookableClassAsync(SessionsDbContext db, SessionActor actor, int classId, CancellationToken ct)
    {
        var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
        if (owned.Error is not null)
        {
            return owned;
        }
        return owned.Value!.Archived ? ClassErrors.Archived : owned;
    }

    /// <summary>The request with its texts as they are stored.</summary>
    internal static NewSession Tidy(NewSession request) =>
        request with { Title = TextRule.Tidy(request.Title), Description = TextRule.Tidy(request.Description) };

    /// <summary>
    /// Stores scheduled sessions of a checked, tidy request, one per start, with their <c>session_scheduled</c> entries in one
    /// transaction; after the commit the class hears <c>SessionScheduled</c> once per session, in the order of the starts.
    /// </summary>
    internal async Task<IReadOnlyList<SessionSummary>> ScheduleAsync(SessionsDbContext db, SessionActor actor, ClassSummary owner,
        NewSession tidy, IReadOnlyList<DateTime> startsUtc, Guid? seriesId, DateTime now, CancellationToken ct)
    {
        var created = startsUtc.Select(startUtc => Session.Create(owner.Id, owner.EducatorId, SessionType.Scheduled, tidy.Title!,
            tidy.Description, startUtc, tidy.DurationMinutes, now, tidy.Settings, seriesId)).ToList();
        var booked = created.ConvertAll(session => SessionSummary.OfNew(session, owner));
        await ResilientTransaction.ExecuteAsync(db, () =>
        {
            foreach (var session in created)
            {
                db.Sessions.Add(session);
                ActivityLog.Record(db, session.Id, actor.UserId,
                    new SessionScheduledData(session.Title, ApiTime.Utc(session.ScheduledStartUtc), session.DurationMinutes), now);
            }
            return Task.FromResult(true);
        }, async () =>
        {
            foreach (var session in booked)
            {
                await live.PublishAsync(new SessionScheduledMessage(session.Id, session.ClassId, session.Title,
                    ApiTime.Utc(session.ScheduledStartUtc), session.DurationMinutes), session.EducatorId);
            }
        }, ct);
        return booked;
    }

    /// <summary>Edits or reschedules a session while it is scheduled; enrolled students see the change live.</summary>
    public async Task<Result<SessionSummary>> UpdateAsync(SessionActor actor, Guid sessionId, SessionChanges changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedScheduledAsync(db, actor, sessionId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        var saved = await UpdateScheduledAsync(db, actor, [new SessionEdit(owned.Value!, changes)], ct);
        if (saved.Error is { } invalid)
        {
            return invalid;
        }
        return saved.Value!.Count == 1 ? saved.Value[0] : await RefusalNowAsync(db, sessionId, ct);
    }

    /// <summary>
    /// Applies each edit to its session, all checked first (the first invalid one answers) and then stored in one transaction
    /// with their <c>session_updated</c> entries; after the commit each changed session's class hears <c>SessionUpdated</c>.
    /// Answers the sessions as changed, leaving out any that stopped being scheduled meanwhile: a start that won the race
    /// keeps the session as it started.
    /// </summary>
    internal async Task<Result<IReadOnlyList<SessionSummary>>> UpdateScheduledAsync(SessionsDbContext db, SessionActor actor,
        IReadOnlyList<SessionEdit> edits, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        var updates = new List<SessionSummary>();
        foreach (var (current, changes) in edits)
        {
            var updated = Apply(current, changes);
            if (Check(changes, updated, now) is { } invalid)
            {
                return invalid;
            }
            updates.Add(updated);
        }
        var saved = new List<SessionSummary>();
        await ResilientTransaction.ExecuteAsync(db, async () =>
            {
                saved.Clear();
                foreach (var updated in updates)
                {
                    if (await StoreAsync(db, updated, ct))
                    {
                        ActivityLog.Record(db, updated.Id, actor.UserId,
                            new SessionUpdatedData(updated.Title, ApiTime.Utc(updated.ScheduledStartUtc), updated.DurationMinutes), now);
                        saved.Add(updated);
                    }
                }
                return saved.Count > 0;
            },
            async () =>
            {
                foreach (var updated in saved)
                {
                    await live.PublishAsync(new SessionUpdatedMessage(updated.Id, updated.ClassId, updated.Title, updated.Description,
                        ApiTime.Utc(updated.ScheduledStartUtc), updated.DurationMinutes), updated.EducatorId);
                }
            }, ct);
        return saved;
    }

    private static SessionSummary Apply(SessionSummary current, SessionChanges changes) => current with
    {
        Title = changes.Title is null ? current.Title : TextRule.Tidy(changes.Title) ?? "",
        Description = changes.Description is null ? current.Description : TextRule.Tidy(changes.Description),
        ScheduledStartUtc = changes.StartUtc ?? current.ScheduledStartUtc,
        DurationMinutes = changes.DurationMinutes ?? current.DurationMinutes,
        Overrides = changes.Settings ?? current.Overrides,
    };

    /// <summary>Only while still scheduled: one conditional UPDATE, true when it changed the row.</summary>
    private static async Task<bool> StoreAsync(SessionsDbContext db, SessionSummary updated, CancellationToken ct) =>
        await db.Sessions
            .Where(s => s.Id == updated.Id && s.Status == SessionStatus.Scheduled)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Title, updated.Title)
                .SetProperty(s => s.Description, updated.Description)
                .SetProperty(s => s.ScheduledStartUtc, updated.ScheduledStartUtc)
                .SetProperty(s => s.DurationMinutes, updated.DurationMinutes)
                .SetProperty(s => s.Overrides, updated.Overrides), ct) == 1;

    /// <summary>Cancels a session before it starts; it can never start afterwards.</summary>
    public async Task<Result<SessionSummary>> CancelAsync(SessionActor actor, Guid sessionId, string? reason, CancellationToken ct)
    {
        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await OwnedScheduledAsync(db, actor, sessionId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        return await CancelScheduledAsync(db, actor, owned.Value!, reason, ct) is { } cancelled
            ? cancelled
            : await RefusalNowAsync(db, sessionId, ct);
    }

    internal static ServiceError? CheckReason(string? reason)
    {
        var errors = new FieldErrors();
        SessionRules.CancellationReason.Check(errors, reason);
        return errors.ToError();
    }

    /// <summary>
    /// Cancels a session the caller owns through the cancel transition (its log entry, its live event); null when it is no
    /// longer scheduled.
    /// </summary>
    internal async Task<SessionSummary?> CancelScheduledAsync(SessionsDbContext db, SessionActor actor, SessionSummary session, string? reason,
        CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        var tidyReason = TextRule.Tidy(reason);
        if (!await transitions.CancelAsync(db, session, actor.UserId, tidyReason, now, ct))
        {
            return null;
        }
        LogCancelled(logger, session.Id, actor.UserId);
        return session with { Status = SessionStatus.Cancelled, CancelledUtc = now, CancellationReason = tidyReason };
    }

    /// <summary>Every invalid field of a new session, for the caller to add its own and answer them all at once.</summary>
    internal FieldErrors CheckNew(NewSession request, DateTime now)
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
        return errors;
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
    internal static async Task<Result<SessionSummary>> OwnedScheduledAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var owned = await SessionQueries.OwnedAsync(db, actor, sessionId, ct);
        if (owned.Error is not null)
        {
            return owned;
        }
        var session = owned.Value!;
        return session.Status == SessionStatus.Scheduled ? session : SessionErrors.InvalidStatus(session.Status);
    }

    internal static async Task<ServiceError> RefusalNowAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct)
    {
        var status = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Status).SingleAsync(ct);
        return SessionErrors.InvalidStatus(status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} cancelled by {ActorId}")]
    private static partial void LogCancelled(ILogger logger, Guid sessionId, string actorId);
}
