using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Activity;

/// <summary>
/// A session's activity log: entries recorded by the changes themselves (<see cref="Record"/>, inside their transaction),
/// written by hand while the session is live (notes, issues), reported by the room (camera, microphone), and read back in
/// order. Entries are append-only: nothing here or anywhere updates or deletes one.
/// </summary>
public sealed class ActivityLog(IDbContextFactory<SessionsDbContext> dbFactory, LiveBroadcaster live, TimeProvider time)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
    public const int TextMaxLength = 1000;

    /// <summary>Plain text, trimmed, 1 to 1,000 characters (text elements), line breaks allowed (<see cref="TextRule"/>).</summary>
    public static readonly TextRule Text = new("text", "The entry", TextMaxLength, Required: true, MultiLine: true);

    private static readonly string AdminRoleId = AppRoles.IdOf(AppRoles.Admin);

    /// <summary>
    /// Adds the entry to <paramref name="db"/>: it is stored by the save that stores the change it records, or not at all.
    /// Call it only once the change is certain within the transaction (its conditional UPDATE changed the row).
    /// </summary>
    /// <param name="actorId">Who did it; null for the system (the lifecycle worker).</param>
    public static ActivityEntry Record(SessionsDbContext db, Guid sessionId, string? actorId, ActivityData data, DateTime at)
    {
        var entry = new ActivityEntry
        {
            SessionId = sessionId,
            AtUtc = at,
            Kind = data.Kind,
            ActorId = actorId,
            Data = Serialize(data),
        };
        db.ActivityEntries.Add(entry);
        return entry;
    }

    /// <summary>A note or an issue, while the session is live; those who teach the session's class hear of it at once.</summary>
    public async Task<Result<ActivityEntryDto>> WriteAsync(SessionActor actor, Guid sessionId, WriteActivityRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var member = access.Value!;
        var errors = new FieldErrors();
        if (request.Kind is not (ActivityKinds.Note or ActivityKinds.Issue))
        {
            errors.Add("kind", FieldMessage.Of("kind_invalid", $"kind must be \"{ActivityKinds.Note}\" or \"{ActivityKinds.Issue}\"."));
        }
        Text.Check(errors, request.Text);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        if (request.Kind == ActivityKinds.Note && !member.Teaches)
        {
            return ActivityErrors.NoteNotAllowed;
        }
        if (SessionParticipation.WritingRefusal(member.Session.Status) is { } closed)
        {
            return closed;
        }
        var data = new WrittenEntryData(request.Kind == ActivityKinds.Issue, TextRule.Tidy(request.Text)!);
        var entry = await RecordWhileLiveAsync(db, sessionId, actor.UserId, [data], ct);
        if (entry.Error is { } ended)
        {
            return ended;
        }
        var written = (await ProjectAsync(db, member.Session, db.ActivityEntries.Where(e => e.Id == entry.Value![0].Id), ct)).Single();
        // Each teacher hears it in their own group: co-educators' connections share the class group with the students.
        var coEducators = await ClassMembership.CoEducatorIds(db, member.Session.ClassId).ToListAsync(ct);
        foreach (var teacherId in coEducators.Prepend(member.Session.EducatorId))
        {
            await live.PublishAsync(new ActivityLoggedMessage(sessionId, member.Session.ClassId, written), teacherId);
        }
        return written;
    }

    /// <summary>The room's report of the caller's own camera and microphone, while the session is live: one entry per device named.</summary>
    public async Task<Result<bool>> ReportMediaAsync(SessionActor actor, Guid sessionId, MediaReportRequest request, CancellationToken ct)
    {
        if (request.Camera is null && request.Microphone is null)
        {
            return ServiceError.Validation("camera", FieldMessage.Of("media_required", "Report camera, microphone or both (true: on, false: off)."));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        if (SessionParticipation.WritingRefusal(access.Value!.Session.Status) is { } closed)
        {
            return closed;
        }
        List<ActivityData> changes = [];
        if (request.Camera is { } camera)
        {
            changes.Add(new MediaChangedData(MediaChangedData.Camera, camera));
        }
        if (request.Microphone is { } microphone)
        {
            changes.Add(new MediaChangedData(MediaChangedData.Microphone, microphone));
        }
        var recorded = await RecordWhileLiveAsync(db, sessionId, actor.UserId, changes, ct);
        return recorded.Error is { } ended ? ended : true;
    }

    /// <summary>
    /// A page of the session's log, oldest first, after the entry <paramref name="after"/>: all of it for those who teach the
    /// class (admins included), a student's own entries for a student.
    /// </summary>
    public async Task<Result<ActivityPageDto>> ReadAsync(SessionActor actor, Guid sessionId, long? after, int? limit, CancellationToken ct)
    {
        var pageSize = limit ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return ServiceError.Validation("limit", FieldMessage.Of("limit_out_of_range", $"limit must be between 1 and {MaxPageSize}.", ("max", MaxPageSize)));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var member = access.Value!;
        var entries = db.ActivityEntries.Where(e => e.SessionId == sessionId);
        if (!member.Teaches)
        {
            entries = entries.Where(e => e.ActorId == actor.UserId);
        }
        if (after is { } cursor)
        {
            entries = entries.Where(e => e.Id > cursor);
        }
        // One more than asked: whether a next page exists, without counting.
        var items = await ProjectAsync(db, member.Session, entries.OrderBy(e => e.Id).Take(pageSize + 1), ct);
        return items.Count > pageSize
            ? new ActivityPageDto(items[..pageSize], items[pageSize - 1].Id)
            : new ActivityPageDto(items, null);
    }

    /// <summary>
    /// Stores entries a participant wrote or reported, with the session's row lock that a concurrent end takes too: an end that
    /// commits first leaves nothing to write into (409 <c>session_ended</c>), one that commits later comes after these entries.
    /// </summary>
    private async Task<Result<List<ActivityEntry>>> RecordWhileLiveAsync(
        SessionsDbContext db, Guid sessionId, string actorId, IReadOnlyList<ActivityData> changes, CancellationToken ct)
    {
        var now = time.StoredUtcNow();
        List<ActivityEntry> recorded = [];
        var stored = await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            recorded.Clear();
            var locked = await db.Sessions.Where(Sessions.Session.IsLive).Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, s => s.Status), ct);
            if (locked == 0)
            {
                return false;
            }
            recorded.AddRange(changes.Select(change => Record(db, sessionId, actorId, change, now)));
            return true;
        }, afterCommit: null, ct);
        return stored ? recorded : SessionErrors.Over;
    }

    /// <summary>The entries as shown, in the order asked, with their actors' names and roles in the session's class.</summary>
    private static async Task<List<ActivityEntryDto>> ProjectAsync(
        SessionsDbContext db, Sessions.SessionSummary session, IQueryable<ActivityEntry> entries, CancellationToken ct)
    {
        var rows = await entries.AsNoTracking()
            .Select(e => new { Entry = e, Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var actorIds = rows.Select(r => r.Entry.ActorId).OfType<string>().Distinct().ToList();
        var teachers = await db.ClassCoEducators.Where(c => c.ClassId == session.ClassId && actorIds.Contains(c.EducatorId))
            .Select(c => c.EducatorId).ToListAsync(ct);
        teachers.Add(session.EducatorId);
        var admins = await db.UserRoles.Where(r => r.RoleId == AdminRoleId && actorIds.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Entry.Id).Select(r => new ActivityEntryDto(
            r.Entry.Id,
            ApiTime.Utc(r.Entry.AtUtc),
            r.Entry.Kind,
            r.Entry.ActorId is { } id
                ? new ActivityActorDto(id, r.Actor ?? "", teachers.Contains(id) ? ActivityRoles.Educator
                    : admins.Contains(id) ? ActivityRoles.Admin : ActivityRoles.Student)
                : null,
            r.Entry.ActorId is null,
            r.Entry.Data is { } data ? JsonSerializer.Deserialize<JsonElement>(data) : null))];
    }

    private static string? Serialize(ActivityData data)
    {
        var json = JsonSerializer.Serialize(data, data.GetType(), JsonSerializerOptions.Web);
        return json == "{}" ? null : json;
    }
}
