using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Ratings;

/// <summary>
/// Ratings of completed sessions, for the pages and the API alike: students who attended rate once; admins approve or
/// reject; only approved ratings reach the educator, and an anonymous one never carries its author.
/// </summary>
public sealed class SessionRatings(IDbContextFactory<SessionsDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    /// <summary>How many sessions the class page's prompt offers at once, newest first.</summary>
    public const int MaxInvitations = 3;

    public async Task<Result<RatingDto>> SubmitAsync(SessionActor actor, Guid sessionId, SubmitRatingRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RaterRefusalAsync(db, actor, sessionId, ct) is { } refused)
        {
            return refused;
        }
        if (RatingRules.Check(request).ToError() is { } invalid)
        {
            return invalid;
        }
        var criteria = request.Criteria!;
        var rating = new Rating
        {
            Id = Guid.CreateVersion7(),
            SessionId = sessionId,
            StudentId = actor.UserId,
            Overall = request.Overall!.Value,
            ContentClarity = criteria.ContentClarity!.Value,
            Engagement = criteria.Engagement!.Value,
            AudioVideoQuality = criteria.AudioVideoQuality!.Value,
            Pace = criteria.Pace!.Value,
            Feedback = TextRule.Tidy(request.Feedback),
            Anonymous = request.Anonymous,
            Status = RatingStatus.Pending,
            SubmittedUtc = time.StoredUtcNow(),
        };
        db.Ratings.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return RatingErrors.AlreadyRated; // a submission that raced this one was stored first
        }
        return ToDto(rating);
    }

    /// <summary>Why the caller may not rate the session, or null: students of its class who attended it, once it is completed.</summary>
    private static async Task<ServiceError?> RaterRefusalAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var session = await SessionSummary.FindAsync(db, sessionId, ct);
        if (session is null)
        {
            return SessionErrors.NotFound;
        }
        if (await ClassMembership.TeachesAsync(db, actor, session, ct))
        {
            return RatingErrors.TeachersCannotRate;
        }
        if (!await db.Enrollments.AnyAsync(e => e.ClassId == session.ClassId && e.StudentId == actor.UserId, ct))
        {
            return SessionErrors.NotMember;
        }
        if (session.Status != SessionStatus.Completed)
        {
            return SessionErrors.NotCompleted;
        }
        if (!await db.Attendance.AnyAsync(a => a.SessionId == sessionId && a.UserId == actor.UserId, ct))
        {
            return RatingErrors.DidNotAttend;
        }
        return await db.Ratings.AnyAsync(r => r.SessionId == sessionId && r.StudentId == actor.UserId, ct) ? RatingErrors.AlreadyRated : null;
    }

    /// <summary>The caller's own rating of the session, whatever its review state.</summary>
    public async Task<Result<RatingDto>> MineAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readable = await SessionQueries.ReadableAsync(db, actor, sessionId, ct);
        if (readable.Error is { } refused)
        {
            return refused;
        }
        var rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId && r.StudentId == actor.UserId, ct);
        return rating is null ? RatingErrors.NotFound : ToDto(rating);
    }

    /// <summary>The moderation list: pending ratings first, then the reviewed; newest first within each.</summary>
    public async Task<(IReadOnlyList<ModeratedRatingDto> Items, int TotalCount)> ListAsync(RatingStatus? status, PageRequest paging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ratings = db.Ratings.AsNoTracking();
        if (status is { } only)
        {
            ratings = ratings.Where(r => r.Status == only);
        }
        var total = await ratings.CountAsync(ct);
        var page = await Moderated(db, ratings
                .OrderBy(r => r.Status == RatingStatus.Pending ? 0 : 1)
                .ThenByDescending(r => r.SubmittedUtc)
                .ThenByDescending(r => r.Id)
                .Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(ct);
        return ([.. page.Select(ToModeratedDto)], total);
    }

    public Task<Result<ModeratedRatingDto>> ApproveAsync(SessionActor admin, Guid ratingId, CancellationToken ct) =>
        ReviewAsync(admin, ratingId, RatingStatus.Approved, reason: null, AuditActions.RatingApproved, ct);

    public async Task<Result<ModeratedRatingDto>> RejectAsync(SessionActor admin, Guid ratingId, string? reason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        RatingRules.Reason.Check(errors, reason);
        return errors.ToError() is { } invalid
            ? invalid
            : await ReviewAsync(admin, ratingId, RatingStatus.Rejected, TextRule.Tidy(reason), AuditActions.RatingRejected, ct);
    }

    /// <summary>A pending rating becomes approved or rejected once: of two racing reviews, the second is told it was reviewed.</summary>
    private async Task<Result<ModeratedRatingDto>> ReviewAsync(
        SessionActor admin, Guid ratingId, RatingStatus decision, string? reason, string auditAction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.StoredUtcNow();
        var reviewed = await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var changed = await db.Ratings
                .Where(r => r.Id == ratingId && r.Status == RatingStatus.Pending)
                .ExecuteUpdateAsync(r => r
                    .SetProperty(x => x.Status, decision)
                    .SetProperty(x => x.RejectReason, reason)
                    .SetProperty(x => x.ReviewedUtc, now)
                    .SetProperty(x => x.ReviewedById, admin.UserId), ct);
            if (changed == 0)
            {
                return false;
            }
            audit.Record(db, admin.UserId, auditAction, ratingId.ToString(), new { status = WireNames.Of(RatingStatus.Pending) },
                new { status = WireNames.Of(decision), reason });
            return true;
        }, afterCommit: null, ct);
        var row = await Moderated(db, db.Ratings.AsNoTracking().Where(r => r.Id == ratingId)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return RatingErrors.NotFound;
        }
        return reviewed ? ToModeratedDto(row) : RatingErrors.AlreadyReviewed;
    }

    /// <summary>A session's approved ratings and their averages, for those who teach its class.</summary>
    public async Task<Result<SessionRatingsDto>> ForSessionAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taught = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
        if (taught.Error is { } refused)
        {
            return refused;
        }
        var approved = Approved(db, sessionId);
        var rows = await approved
            .Join(db.Users, r => r.StudentId, u => u.Id, (r, u) => new { Rating = r, u.DisplayName })
            .OrderByDescending(x => x.Rating.SubmittedUtc)
            .ToListAsync(ct);
        var items = rows.Select(x => new ApprovedRatingDto(
            x.Rating.Id, Author(x.Rating, x.DisplayName), x.Rating.Overall, Criteria(x.Rating), x.Rating.Feedback, ApiTime.Utc(x.Rating.SubmittedUtc))).ToList();
        return new SessionRatingsDto(sessionId, items.Count, await AveragesAsync(approved, ct), items);
    }

    /// <summary>The educator's approved ratings over every session they gave.</summary>
    public async Task<EducatorRatingSummaryDto> EducatorSummaryAsync(string educatorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var approved = db.Ratings.AsNoTracking()
            .Where(r => r.Status == RatingStatus.Approved && db.Sessions.Any(s => s.Id == r.SessionId && s.EducatorId == educatorId));
        var count = await approved.CountAsync(ct);
        var sessions = await approved.Select(r => r.SessionId).Distinct().CountAsync(ct);
        return new EducatorRatingSummaryDto(count, sessions, await AveragesAsync(approved, ct));
    }

    /// <summary>
    /// The class's completed sessions the student attended and has neither rated nor dismissed, newest first: what the class
    /// page's prompt offers.
    /// </summary>
    public async Task<IReadOnlyList<RatingInvitation>> InvitationsAsync(SessionActor actor, int classId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.ClassId == classId && s.Status == SessionStatus.Completed)
            .Where(s => db.Enrollments.Any(e => e.ClassId == classId && e.StudentId == actor.UserId))
            .Where(s => db.Attendance.Any(a => a.SessionId == s.Id && a.UserId == actor.UserId))
            .Where(s => !db.Ratings.Any(r => r.SessionId == s.Id && r.StudentId == actor.UserId))
            .Where(s => !db.RatingPromptDismissals.Any(d => d.SessionId == s.Id && d.StudentId == actor.UserId))
            .OrderByDescending(s => s.ActualEndUtc)
            .Take(MaxInvitations)
            .Select(s => new RatingInvitation(s.Id, s.Title, s.ActualEndUtc ?? s.ScheduledStartUtc))
            .ToListAsync(ct);
    }

    /// <summary>The student does not want to rate the session: its prompt is not shown again. Dismissing twice changes nothing.</summary>
    public async Task DismissAsync(SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.RatingPromptDismissals.AnyAsync(d => d.SessionId == sessionId && d.StudentId == actor.UserId, ct))
        {
            return;
        }
        db.RatingPromptDismissals.Add(new RatingPromptDismissal { SessionId = sessionId, StudentId = actor.UserId, DismissedUtc = time.StoredUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Dismissed from another tab at the same moment: it is dismissed.
        }
    }

    /// <summary>How many approved ratings a session has and their averages: what its report shows.</summary>
    internal static async Task<(int Count, RatingAverages Averages)> ApprovedSummaryAsync(SessionsDbContext db, Guid sessionId, CancellationToken ct)
    {
        var approved = Approved(db, sessionId);
        return (await approved.CountAsync(ct), await AveragesAsync(approved, ct));
    }

    private static IQueryable<Rating> Approved(SessionsDbContext db, Guid sessionId) =>
        db.Ratings.AsNoTracking().Where(r => r.SessionId == sessionId && r.Status == RatingStatus.Approved);

    private static async Task<RatingAverages> AveragesAsync(IQueryable<Rating> ratings, CancellationToken ct)
    {
        var means = await ratings.GroupBy(_ => 1).Select(g => new
        {
            Overall = g.Average(r => (double)r.Overall),
            ContentClarity = g.Average(r => (double)r.ContentClarity),
            Engagement = g.Average(r => (double)r.Engagement),
            AudioVideoQuality = g.Average(r => (double)r.AudioVideoQuality),
            Pace = g.Average(r => (double)r.Pace),
        }).SingleOrDefaultAsync(ct);
        return means is null
            ? RatingAverages.None
            : new RatingAverages(Round(means.Overall), Round(means.ContentClarity), Round(means.Engagement), Round(means.AudioVideoQuality), Round(means.Pace));
    }

    private static double Round(double mean) => Math.Round(mean, 2, MidpointRounding.AwayFromZero);

    private sealed record ModeratedRow(Rating Rating, string SessionTitle, string ClassName, string DisplayName);

    private static IQueryable<ModeratedRow> Moderated(SessionsDbContext db, IQueryable<Rating> ratings) =>
        from r in ratings
        join s in db.Sessions on r.SessionId equals s.Id
        join u in db.Users on r.StudentId equals u.Id
        select new ModeratedRow(r, s.Title, s.Class!.Name, u.DisplayName);

    private static ModeratedRatingDto ToModeratedDto(ModeratedRow row) => new(
        row.Rating.Id, row.Rating.SessionId, row.SessionTitle, row.ClassName, Author(row.Rating, row.DisplayName), WireNames.Of(row.Rating.Status),
        row.Rating.Overall, Criteria(row.Rating), row.Rating.Feedback, row.Rating.Anonymous, ApiTime.Utc(row.Rating.SubmittedUtc),
        ApiTime.Utc(row.Rating.ReviewedUtc), row.Rating.RejectReason);

    /// <summary>The one place an author is named: never for an anonymous rating.</summary>
    private static RatingAuthorDto? Author(Rating rating, string displayName) =>
        rating.Anonymous ? null : new RatingAuthorDto(rating.StudentId, displayName);

    private static RatingCriteriaDto Criteria(Rating r) => new(r.ContentClarity, r.Engagement, r.AudioVideoQuality, r.Pace);

    private static RatingDto ToDto(Rating r) => new(
        r.Id, r.SessionId, WireNames.Of(r.Status), r.Overall, Criteria(r), r.Feedback, r.Anonymous,
        ApiTime.Utc(r.SubmittedUtc), ApiTime.Utc(r.ReviewedUtc), r.RejectReason);
}
