using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Every status change of a session, whoever asks for it (the educator's page, the API, the lifecycle worker). Each is
/// one conditional UPDATE that <see cref="SessionStateMachine"/> allows, in one transaction with the notification the
/// mobile apps are owed; after the commit, the one live event. Only the caller whose UPDATE changed the row publishes,
/// so racing callers make exactly one transition and one broadcast.
/// </summary>
public sealed class SessionTransitions(SessionNotifications notifications, LiveBroadcaster live, IOptions<SessionOptions> options)
{
    /// <summary>
    /// scheduled → in progress, if it is still scheduled, inside its start window and its educator has nothing else
    /// live. <paramref name="createFirst"/> stores a new (instant) session in the same transaction.
    /// </summary>
    /// <param name="actorId">Who starts it, for the session's activity log.</param>
    public async Task<bool> StartAsync(SessionsDbContext db, SessionSummary session, string actorId, DateTime now, CancellationToken ct,
        Func<Task>? createFirst = null)
    {
        try
        {
            return await CommitStartAsync(db, session, actorId, now, createFirst, ct);
        }
        catch (DbException exception) when (UniqueViolation.Is(exception))
        {
            // Under READ COMMITTED two starts of one educator's sessions can each find nothing else live; the index of
            // live sessions per educator refuses the later one, which lost the race like any other refused start.
            return false;
        }
    }

    private async Task<bool> CommitStartAsync(SessionsDbContext db, SessionSummary session, string actorId, DateTime now, Func<Task>? createFirst,
        CancellationToken ct)
    {
        var started = await CommitAsync(db, async () =>
        {
            if (createFirst is not null)
            {
                await createFirst();
            }
            var moved = await db.Sessions
                .Where(s => s.Id == session.Id)
                .Where(SessionStateMachine.CanMoveTo(SessionStatus.InProgress))
                .Where(Session.StartWindowOpenAt(now, options.Value.EarlyStartMinutes))
                // The educator as a parameter, not a correlation: PostgreSQL then looks the one educator up in the index of
                // live sessions, where a correlated check planned on stale statistics scanned it (docs/performance.md).
                // One live session per educator is about the session's owner, even when a co-educator starts it.
                .Where(s => !db.Sessions.Where(Session.IsLive).Any(other => other.EducatorId == session.EducatorId))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SessionStatus.InProgress)
                    .SetProperty(s => s.ActualStartUtc, now), ct);
            if (moved == 1)
            {
                // The notifier document stays keyed by the session's owner, whoever of the class's educators started it.
                notifications.Add(db, NotificationKind.SessionStarted, session.EducatorId, session.Id, null, now);
                ActivityLog.Record(db, session.Id, actorId, new SessionStartedData(), now);
            }
            return moved == 1;
        }, () => live.PublishAsync(new SessionStartedMessage(session.Id, session.ClassId, session.Title, session.EducatorName,
            ApiTime.Utc(now)), session.EducatorId), ct);
        return started;
    }

    /// <summary>scheduled → cancelled. Students are told; the mobile notifier never heard of it, so it is not.</summary>
    /// <param name="actorId">Who cancels it; null for the lifecycle worker (a session never started).</param>
    public async Task<bool> CancelAsync(SessionsDbContext db, SessionSummary session, string? actorId, string? reason, DateTime at, CancellationToken ct)
    {
        var cancelled = await CommitAsync(db, async () => Recorded(await db.Sessions
            .Where(s => s.Id == session.Id)
            .Where(SessionStateMachine.CanMoveTo(SessionStatus.Cancelled))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SessionStatus.Cancelled)
                .SetProperty(s => s.CancelledUtc, at)
                .SetProperty(s => s.CancellationReason, reason), ct) == 1, db, session, actorId, new SessionCancelledData(reason), at),
            () => live.PublishAsync(new SessionCancelledMessage(session.Id, session.ClassId, reason, ApiTime.Utc(at)), session.EducatorId), ct);
        return cancelled;
    }

    /// <summary>in progress → end request pending, at the booked end; the wrap-up countdown runs from <paramref name="at"/>.</summary>
    public async Task<bool> BeginWrapUpAsync(SessionsDbContext db, SessionSummary session, DateTime at, CancellationToken ct)
    {
        var endsAt = at.AddMinutesClamped(options.Value.WrapUpMinutes);
        var wrapping = await CommitAsync(db, async () => Recorded(await db.Sessions
            .Where(s => s.Id == session.Id)
            .Where(SessionStateMachine.CanMoveTo(SessionStatus.EndRequestPending))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SessionStatus.EndRequestPending)
                .SetProperty(s => s.WrapUpEndsUtc, endsAt), ct) == 1, db, session, actorId: null, new WrapUpBegunData(ApiTime.Utc(endsAt)), at),
            () => live.PublishAsync(new SessionWrapUpMessage(session.Id, session.ClassId, ApiTime.Utc(endsAt)), session.EducatorId), ct);
        return wrapping;
    }

    /// <summary>
    /// A live session runs <paramref name="minutes"/> longer: its booked duration grows, and a running wrap-up stops (back to
    /// in progress) so the worker begins it again at the new end. Only if the duration is still the one
    /// <paramref name="session"/> was read with, so the caller's limit check holds for the row it changes.
    /// </summary>
    /// <param name="actorId">Who extends it, for the session's activity log.</param>
    public async Task<bool> ExtendAsync(SessionsDbContext db, SessionSummary session, string actorId, int minutes, DateTime at, CancellationToken ct)
    {
        var newEnd = ApiTime.Utc(session.BookedEndUtc.AddMinutesClamped(minutes));
        var extended = await CommitAsync(db, async () => Recorded(await db.Sessions
            .Where(s => s.Id == session.Id && s.DurationMinutes == session.DurationMinutes)
            // In progress stays so; a wrap-up moves back to in progress, a move the state machine lists.
            .Where(Session.IsLive)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.DurationMinutes, s => s.DurationMinutes + minutes)
                .SetProperty(s => s.Status, SessionStatus.InProgress)
                .SetProperty(s => s.WrapUpEndsUtc, (DateTime?)null), ct) == 1, db, session, actorId, new SessionExtendedData(minutes, newEnd), at),
            () => live.PublishAsync(new SessionExtendedMessage(session.Id, session.ClassId, minutes, newEnd), session.EducatorId), ct);
        return extended;
    }

    /// <summary>
    /// in progress or wrapping up → completed, closing every stay still open in its room as of the end. <paramref name="wrapUpOnly"/>
    /// is the worker's end of the countdown, which must not complete a session that is (still or again) merely in progress.
    /// </summary>
    /// <param name="actorId">Who ends it; null for the lifecycle worker.</param>
    public async Task<bool> CompleteAsync(SessionsDbContext db, SessionSummary session, string? actorId, DateTime at, CancellationToken ct,
        bool wrapUpOnly = false)
    {
        var completed = await CommitAsync(db, async () =>
        {
            var moved = await db.Sessions
                .Where(s => s.Id == session.Id)
                .Where(SessionStateMachine.CanMoveTo(SessionStatus.Completed))
                .Where(s => !wrapUpOnly || s.Status == SessionStatus.EndRequestPending)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SessionStatus.Completed)
                    .SetProperty(s => s.ActualEndUtc, at), ct);
            if (moved == 1)
            {
                var inRoom = await db.Attendance.Where(a => a.SessionId == session.Id && a.LeftUtc == null).Select(a => a.UserId).ToListAsync(ct);
                await AttendanceStays.CloseAsync(db.Attendance, session.Id, at, ct);
                foreach (var userId in inRoom)
                {
                    ActivityLog.Record(db, session.Id, userId, new ParticipantLeftData(SessionEnded: true), at);
                }
                ActivityLog.Record(db, session.Id, actorId, new SessionEndedData(), at);
                notifications.Add(db, NotificationKind.SessionEnded, session.EducatorId, session.Id, at, at);
            }
            return moved == 1;
        }, () => live.PublishAsync(new SessionEndedMessage(session.Id, session.ClassId, ApiTime.Utc(at)), session.EducatorId), ct);
        return completed;
    }

    /// <summary>The activity entry of a change that happened (the conditional UPDATE changed the row), in its transaction.</summary>
    private static bool Recorded(bool changed, SessionsDbContext db, SessionSummary session, string? actorId, ActivityData data, DateTime at)
    {
        if (changed)
        {
            ActivityLog.Record(db, session.Id, actorId, data, at);
        }
        return changed;
    }

    /// <summary>
    /// The change and the notification it added, kept together or not at all; the notifier is woken before the live
    /// event goes out, and neither happens for a change that lost its race.
    /// </summary>
    private Task<bool> CommitAsync(SessionsDbContext db, Func<Task<bool>> change, Func<Task> publish, CancellationToken ct) =>
        ResilientTransaction.ExecuteAsync(db, change, async () =>
        {
            notifications.Flush();
            await publish();
        }, ct);
}
