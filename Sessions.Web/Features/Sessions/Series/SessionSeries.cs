using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// Weekly series of sessions, for the dashboard and the API alike. Each occurrence is a session of its own, booked,
/// changed and cancelled by <see cref="SessionBookings"/>'s rules and writes; a series only chooses the sessions: every
/// start of its rule on the educator's wall clock (<see cref="SeriesOccurrences"/>), or those from one session on.
/// </summary>
public sealed class SessionSeries(
    IDbContextFactory<SessionsDbContext> dbFactory,
    SessionBookings bookings,
    TimeProvider time,
    IOptions<SessionOptions> options)
{
    /// <summary>
    /// Books every occurrence in one transaction (with their log entries; one <c>SessionScheduled</c> each after the commit).
    /// Overlaps with the class's other scheduled or live sessions are answered as warnings, not refused.
    /// </summary>
    public async Task<Result<BookedSeries>> CreateAsync(SessionActor actor, NewSession request, WeeklyRecurrence rule, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        var errors = bookings.CheckNew(request, now);
        CheckRule(errors, request, rule);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bookable = await SessionBookings.BookableClassAsync(db, actor, request.ClassId, ct);
        if (bookable.Error is { } classError)
        {
            return classError;
        }
        var owner = bookable.Value!;
        var starts = SeriesOccurrences.Of(request.StartUtc!.Value, await EducatorZoneAsync(db, owner.EducatorId, ct), rule);
        if (CheckStarts(starts, rule, now) is { } unbookable)
        {
            return unbookable;
        }
        var overlaps = await OverlapsAsync(db, owner.Id, starts, request.DurationMinutes, ct);
        var seriesId = Guid.CreateVersion7();
        var booked = await bookings.ScheduleAsync(db, actor, owner, SessionBookings.Tidy(request), starts, seriesId, now, ct);
        return new BookedSeries(seriesId, booked, overlaps);
    }

    /// <summary>Every session of the series in order of their start, for members of its class.</summary>
    public async Task<Result<IReadOnlyList<SessionSummary>>> GetAsync(SessionActor actor, Guid seriesId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await AllAsync(db, seriesId, ct);
        if (series.Count == 0)
        {
            return SeriesErrors.NotFound;
        }
        return await ClassMembership.IsMemberAsync(db, actor, series[0].ClassId, ct) ? series : SessionErrors.NotMember;
    }

    /// <summary>
    /// Changes the series' scheduled sessions from <see cref="SeriesChanges.FromSessionId"/> on, in one transaction; answers
    /// them as changed. Those started, ended or cancelled stay as they are.
    /// </summary>
    public async Task<Result<IReadOnlyList<SessionSummary>>> UpdateFollowingAsync(SessionActor actor, Guid seriesId, SeriesChanges changes,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var following = await FollowingAsync(db, actor, seriesId, changes.FromSessionId, ct);
        if (following.Error is { } refused)
        {
            return refused;
        }
        var starts = following.Value!.ConvertAll(session => (DateTime?)null);
        if (changes.StartTime is { } startTime && following.Value.Count > 0)
        {
            var wallClock = new UserTime(await EducatorZoneAsync(db, following.Value[0].EducatorId, ct));
            starts = following.Value.ConvertAll(session => (DateTime?)SeriesOccurrences.Resolve(wallClock,
                wallClock.ToLocal(session.ScheduledStartUtc).Date + startTime.ToTimeSpan()));
            if (CheckMovedStarts(starts, time.StoredUtcNow()) is { } unbookable)
            {
                return unbookable;
            }
        }
        var edits = following.Value.Select((session, i) => new SessionEdit(session,
            new SessionChanges(changes.Title, changes.Description, starts[i], changes.DurationMinutes))).ToList();
        return await bookings.UpdateScheduledAsync(db, actor, edits, ct);
    }

    /// <summary>
    /// Cancels the series' scheduled sessions (all, or from <paramref name="fromSessionId"/> on), each through the cancel
    /// transition: its log entry and its live event. Answers the ids of those it cancelled.
    /// </summary>
    public async Task<Result<IReadOnlyList<Guid>>> CancelAsync(SessionActor actor, Guid seriesId, Guid? fromSessionId, string? reason,
        CancellationToken ct)
    {
        if (SessionBookings.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var following = await FollowingAsync(db, actor, seriesId, fromSessionId, ct);
        if (following.Error is { } refused)
        {
            return refused;
        }
        var cancelled = new List<Guid>();
        foreach (var session in following.Value!)
        {
            if (await bookings.CancelScheduledAsync(db, actor, session, reason, ct) is { } done)
            {
                cancelled.Add(done.Id);
            }
        }
        return cancelled;
    }

    private static void CheckRule(FieldErrors errors, NewSession request, WeeklyRecurrence rule)
    {
        if (request.Type != SessionType.Scheduled)
        {
            errors.Add(SeriesFields.Recurrence, FieldMessage.Of("recurrence_not_for_instant", "Only scheduled sessions repeat."));
        }
        if (rule.Days.Count == 0)
        {
            errors.Add(SeriesFields.Days, FieldMessage.Of("recurrence_days_required", "Choose at least one day of the week."));
        }
        if ((rule.Until is null) == (rule.Count is null))
        {
            errors.Add(SeriesFields.Recurrence, FieldMessage.Of("recurrence_end_required",
                "Give either an end date (until) or a number of sessions (count), not both."));
        }
        if (rule.Count is < 1 or > WeeklyRecurrence.MaxOccurrences)
        {
            errors.Add(SeriesFields.Count, FieldMessage.Of("recurrence_count_out_of_range",
                $"The number of sessions must be between 1 and {WeeklyRecurrence.MaxOccurrences}.", ("min", 1), ("max", WeeklyRecurrence.MaxOccurrences)));
        }
    }

    /// <summary>At least one session, at most the cap, and the last within the booking horizon (the first was checked as a start).</summary>
    private ServiceError? CheckStarts(IReadOnlyList<DateTime> starts, WeeklyRecurrence rule, DateTime now)
    {
        var errors = new FieldErrors();
        var endField = rule.Until is null ? SeriesFields.Count : SeriesFields.Until;
        if (starts.Count == 0)
        {
            errors.Add(endField, FieldMessage.Of("recurrence_until_before_start", "The end date comes before the first session."));
        }
        else if (starts.Count > WeeklyRecurrence.MaxOccurrences)
        {
            errors.Add(endField, FieldMessage.Of("recurrence_too_many",
                $"A series holds at most {WeeklyRecurrence.MaxOccurrences} sessions; choose an earlier end date.", ("max", WeeklyRecurrence.MaxOccurrences)));
        }
        else
        {
            CheckStartAs(errors, endField, starts[^1], now);
        }
        return errors.ToError();
    }

    private ServiceError? CheckMovedStarts(IReadOnlyList<DateTime?> starts, DateTime now)
    {
        var errors = new FieldErrors();
        foreach (var start in starts)
        {
            CheckStartAs(errors, SeriesFields.StartTime, start!.Value, now);
            if (errors.Any)
            {
                break;
            }
        }
        return errors.ToError();
    }

    /// <summary>The booking rule of a start (<see cref="SessionRules.CheckStart"/>), its message keyed by the series' own field.</summary>
    private void CheckStartAs(FieldErrors errors, string field, DateTime startUtc, DateTime now)
    {
        var start = new FieldErrors();
        SessionRules.CheckStart(start, startUtc, now, options.Value);
        foreach (var message in start.Messages)
        {
            errors.Add(field, message);
        }
    }

    /// <summary>
    /// The series' scheduled sessions from <paramref name="fromSessionId"/>'s start on (all of them without it), if the caller
    /// may change them: its owner or an admin, as for one session.
    /// </summary>
    private static async Task<Result<List<SessionSummary>>> FollowingAsync(SessionsDbContext db, SessionActor actor, Guid seriesId,
        Guid? fromSessionId, CancellationToken ct)
    {
        var series = await AllAsync(db, seriesId, ct);
        if (series.Count == 0)
        {
            return SeriesErrors.NotFound;
        }
        if (!actor.CanActFor(series[0].EducatorId))
        {
            return SessionErrors.NotOwner;
        }
        var from = DateTime.MinValue;
        if (fromSessionId is { } id)
        {
            if (series.Find(s => s.Id == id) is not { } first)
            {
                return SeriesErrors.NotInSeries;
            }
            from = first.ScheduledStartUtc;
        }
        return series.FindAll(s => s.Status == SessionStatus.Scheduled && s.ScheduledStartUtc >= from);
    }

    private static Task<List<SessionSummary>> AllAsync(SessionsDbContext db, Guid seriesId, CancellationToken ct) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.SeriesId == seriesId)
            .OrderBy(s => s.ScheduledStartUtc)
            .Select(SessionSummary.Projection)
            .ToListAsync(ct);

    /// <summary>The zone a series repeats in: its educator's (the class owner's) account zone, whoever books it.</summary>
    private static async Task<TimeZoneInfo> EducatorZoneAsync(SessionsDbContext db, string educatorId, CancellationToken ct) =>
        UserTime.FindZone(await db.Users.Where(u => u.Id == educatorId).Select(u => u.TimeZoneId).SingleAsync(ct));

    /// <summary>Every (occurrence, other session) pair of the class whose times overlap, the other scheduled or live.</summary>
    private static async Task<IReadOnlyList<SeriesOverlap>> OverlapsAsync(SessionsDbContext db, int classId, IReadOnlyList<DateTime> starts,
        int durationMinutes, CancellationToken ct)
    {
        // A live session started at the latest at its booked end, so it runs at most two durations past its scheduled start.
        var earliest = starts[0].AddMinutesClamped(-2 * Session.MaxDurationMinutes);
        var latest = starts[^1].AddMinutesClamped(durationMinutes);
        var others = await db.Sessions.AsNoTracking()
            .Where(s => s.ClassId == classId && s.ScheduledStartUtc >= earliest && s.ScheduledStartUtc < latest)
            .Where(Session.StatusIn([SessionStatus.Scheduled, .. SessionStatusRules.Live]))
            .Select(s => new { s.Id, Start = s.ActualStartUtc ?? s.ScheduledStartUtc, s.DurationMinutes })
            .ToListAsync(ct);
        return [.. from start in starts
            from other in others
            where start < other.Start.AddMinutesClamped(other.DurationMinutes) && other.Start < start.AddMinutesClamped(durationMinutes)
            orderby start
            select new SeriesOverlap(other.Id, start)];
    }
}
