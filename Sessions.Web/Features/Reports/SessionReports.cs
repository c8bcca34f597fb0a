using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Reports;

/// <summary>
/// Reports of completed sessions, for the pages and the API alike: the facts computed from what was stored while the
/// session ran, and the educator's own text. Those who teach the class and admins read all of it; an enrolled student
/// reads their own part (<see cref="SessionReport.ForStudent"/>).
/// </summary>
public sealed class SessionReports(IDbContextFactory<SessionsDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// What the educator's text may hold once sanitized: the portal's rule for text people type (no NUL or other control
    /// characters, nothing hidden or reordering), at most <see cref="ReportMarkdown.MaxLength"/> characters, line breaks allowed.
    /// </summary>
    public static readonly TextRule SummaryRule = new("summary", "The summary", ReportMarkdown.MaxLength, MultiLine: true);

    public static readonly TextRule RecommendationsRule = new("recommendations", "The recommendations", ReportMarkdown.MaxLength, MultiLine: true);

    /// <summary>Text elements may take several UTF-16 units (<see cref="TextRule.MaxTextElementLength"/>): the columns leave room for them.</summary>
    public const int MaxStoredLength = ReportMarkdown.MaxLength * 4;

    public async Task<Result<SessionReport>> ReadAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readable = await SessionQueries.ReadableAsync(db, actor, sessionId, ct);
        if (readable.Error is { } refused)
        {
            return refused;
        }
        var session = readable.Value!;
        if (session.Status != SessionStatus.Completed)
        {
            return SessionErrors.NotCompleted;
        }
        var report = await ComputeAsync(db, session, ct);
        return await ClassMembership.TeachesAsync(db, actor, session, ct) ? report : report.ForStudent(actor.UserId);
    }

    /// <summary>Stores the educator's summary and recommendations (sanitized Markdown) and whether students may read them.</summary>
    public async Task<Result<ReportNarrative>> SaveNarrativeAsync(SessionActor actor, Guid sessionId, SaveReportRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taught = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
        if (taught.Error is { } refused)
        {
            return refused;
        }
        if (taught.Value!.Status != SessionStatus.Completed)
        {
            return SessionErrors.NotCompleted;
        }
        var summary = ReportMarkdown.Sanitize(request.Summary);
        var recommendations = ReportMarkdown.Sanitize(request.Recommendations);
        var errors = new FieldErrors();
        SummaryRule.Check(errors, summary);
        RecommendationsRule.Check(errors, recommendations);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        var now = time.StoredUtcNow();
        await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var note = await db.SessionReportNotes.SingleOrDefaultAsync(n => n.SessionId == sessionId, ct);
            var before = note is null ? null : AuditedNote(note);
            if (note is null)
            {
                note = new SessionReportNote { SessionId = sessionId, Summary = "", Recommendations = "" };
                db.SessionReportNotes.Add(note);
            }
            note.Summary = summary;
            note.Recommendations = recommendations;
            note.ShareWithStudents = request.ShareWithStudents;
            note.UpdatedUtc = now;
            note.UpdatedById = actor.UserId;
            audit.Record(db, actor.UserId, AuditActions.ReportSaved, sessionId.ToString(), before, AuditedNote(note));
            return true;
        }, afterCommit: null, ct);
        return await NarrativeAsync(db, sessionId, ct);
    }

    private static object AuditedNote(SessionReportNote note) =>
        new { summaryLength = note.Summary.Length, recommendationsLength = note.Recommendations.Length, note.ShareWithStudents };

    /// <summary>
    /// The whole report in a fixed number of queries, whatever the class's size: counts and averages are aggregated by the
    /// database, and of the activity log only the <c>issue</c> entries are read.
    /// </summary>
    private async Task<SessionReport> ComputeAsync(SessionsDbContext db, SessionSummary session, CancellationToken ct)
    {
        // A completed session has started and ended.
        var actualStart = session.ActualStartUtc!.Value;
        var actualEnd = session.ActualEndUtc!.Value;
        var students = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClassId == session.ClassId)
            .Select(e => new { e.Student!.Id, e.Student.DisplayName, e.Student.Email })
            .OrderBy(s => s.DisplayName).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var stays = (await db.Attendance.AsNoTracking()
                .Where(a => a.SessionId == session.Id)
                .Select(a => new { a.UserId, a.JoinedUtc, a.LeftUtc })
                .ToListAsync(ct))
            .ToLookup(a => a.UserId, a => (a.JoinedUtc, a.LeftUtc));
        var chat = await ChatCountsAsync(db, session.Id, ct);
        var messagesBy = chat.ToDictionary(c => c.UserId, c => c.Messages, StringComparer.Ordinal);

        var lines = students.ConvertAll(s => PresenceFacts.Line(s.Id, s.DisplayName, s.Email ?? "", [.. stays[s.Id]], actualStart, actualEnd,
            messagesBy.GetValueOrDefault(s.Id)));
        var absent = lines.Where(l => !l.Attended).Select(l => l.DisplayName).ToList();
        var (ratingCount, averages) = await SessionRatings.ApprovedSummaryAsync(db, session.Id, ct);
        return new SessionReport(
            new ReportSession(session.Id, session.Title, session.ClassId, session.ClassName, session.ClassSubject, session.EducatorId, session.EducatorName),
            new ReportTiming(session.ScheduledStartUtc, session.ScheduledEndUtc, actualStart, actualEnd,
                PresenceFacts.Minutes(actualStart - session.ScheduledStartUtc), PresenceFacts.Minutes(actualEnd - actualStart)),
            new ReportAttendanceTotals(lines.Count, lines.Count - absent.Count, absent.Count, absent),
            lines,
            chat,
            await IssuesAsync(db, session.Id, ct),
            await NarrativeAsync(db, session.Id, ct),
            averages,
            ratingCount,
            time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Messages not deleted, per sender (educators too), most first.</summary>
    private static async Task<List<ParticipantChatCount>> ChatCountsAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct)
    {
        var counts = db.ChatMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.DeletedUtc == null)
            .GroupBy(m => m.SenderId)
            .Select(g => new { SenderId = g.Key, Role = g.Max(m => m.SenderRole), Messages = g.Count() });
        return await (
                from c in counts
                join u in db.Users on c.SenderId equals u.Id
                orderby c.Messages descending, u.DisplayName
                select new ParticipantChatCount(c.SenderId, u.DisplayName, c.Role, c.Messages))
            .ToListAsync(ct);
    }

    private static async Task<List<ReportIssue>> IssuesAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct)
    {
        var rows = await (
                from e in db.ActivityEntries.AsNoTracking()
                where e.SessionId == sessionId && e.Kind == ActivityKinds.Issue
                join u in db.Users on e.ActorId equals u.Id into actors
                from actor in actors.DefaultIfEmpty()
                orderby e.Id
                select new { e.AtUtc, e.ActorId, ActorName = actor == null ? null : actor.DisplayName, e.Data })
            .ToListAsync(ct);
        return rows.ConvertAll(r => new ReportIssue(r.AtUtc, r.ActorId ?? "", r.ActorName ?? "", IssueText(r.Data)));
    }

    private static string IssueText(string? data) =>
        data is null ? "" : JsonSerializer.Deserialize<WrittenText>(data, JsonSerializerOptions.Web)?.Text ?? "";

    /// <summary>The part of an issue's stored record (<see cref="WrittenEntryData"/>) the report shows.</summary>
    private sealed record WrittenText(string? Text);

    /// <summary>The educator's text; before any is written, empty and not shared.</summary>
    private static async Task<ReportNarrative> NarrativeAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct) =>
        await (
                from n in db.SessionReportNotes.AsNoTracking()
                where n.SessionId == sessionId
                join u in db.Users on n.UpdatedById equals u.Id into editors
                from editor in editors.DefaultIfEmpty()
                select new ReportNarrative(n.Summary, n.Recommendations, n.ShareWithStudents, n.UpdatedUtc,
                    editor == null ? null : editor.DisplayName))
            .SingleOrDefaultAsync(ct)
        ?? ReportNarrative.Hidden;
}
