using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Ratings;

public static class RatingEndpoints
{
    private static readonly string Scores = $"Scores are whole numbers from {Rating.MinScore} to {Rating.MaxScore}.";

    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Ratings").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        sessions.MapPost("/{id}/ratings", SubmitAsync)
            .WithSummary("Rate a session")
            .WithDescription("A student of the class who attended the session (at least once in its room) rates it once it is completed: "
                + $"`overall` and the `criteria` (contentClarity, engagement, audioVideoQuality, pace). {Scores} `feedback`: optional plain "
                + $"text, at most {RatingRules.FeedbackMaxLength} characters. `anonymous`: the name is shown to nobody. Once per student and "
                + "session; the rating waits for an administrator's approval (`status: pending`) and counts only once approved.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember, RatingErrors.TeachersCannotRate, SessionErrors.NotCompleted,
                RatingErrors.DidNotAttend, RatingErrors.AlreadyRated)
            .WithExamples(RatingDocs.SubmitRequest, RatingDocs.Rating);
        sessions.MapGet("/{id}/ratings/mine", MineAsync)
            .WithSummary("Read my rating of a session")
            .WithDescription("The caller's own rating of the session and its review state (`pending`, `approved`, or `rejected` with the reason).")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember, RatingErrors.NotFound)
            .WithExamples(response: RatingDocs.Rating);
        sessions.MapGet("/{id}/ratings", ForSessionAsync)
            .RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .WithSummary("Read a session's ratings")
            .WithDescription("The session's approved ratings, newest first, and the average of each score over them (null without any), for "
                + "those who teach its class and admins. Pending and rejected ratings are left out; an anonymous rating has no `student`.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner)
            .WithExamples(response: RatingDocs.SessionRatings);

        app.MapGet($"{SessionEndpoints.MyGroup}/ratings-summary", SummaryAsync).WithTags("Ratings")
            .RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .WithSummary("Read my ratings summary")
            .WithDescription("For an educator: how many approved ratings their sessions received, over how many sessions, and the average of each score.")
            .WithExamples(response: RatingDocs.Summary);

        var moderation = app.MapGroup(RatingUrls.ModerationGroup).WithTags("Ratings").RequireAuthorization(p => p.RequireRole(AppRoles.Admin))
            .DescribeParameter("id", "The rating's id (a GUID).");
        moderation.MapGet("/", ListAsync)
            .WithSummary("List ratings for moderation")
            .WithDescription("Every rating (or only those with `status`), pending first, then the reviewed, newest first within each; "
                + "a page at a time. An anonymous rating has no `student`.")
            .DescribeParameter("status", "Only ratings in this state: pending, approved or rejected.")
            .DescribeParameter("page", "The page, from 1.")
            .DescribeParameter("pageSize", $"Rows per page, 1 to {PageRequest.MaxPageSize}.")
            .WithExamples(response: RatingDocs.Moderated);
        moderation.MapPost("/{id}/approve", ApproveAsync)
            .WithSummary("Approve a rating")
            .WithDescription("A pending rating counts from now on: its educator sees it and it enters the averages. Recorded in the audit trail.")
            .ProducesErrors(RatingErrors.NotFound, RatingErrors.AlreadyReviewed)
            .WithExamples(response: RatingDocs.Moderated);
        moderation.MapPost("/{id}/reject", RejectAsync)
            .WithSummary("Reject a rating")
            .WithDescription($"A pending rating never counts; `reason` (required, at most {RatingRules.ReasonMaxLength} characters) is shown to "
                + "its author. Recorded in the audit trail.")
            .ProducesErrors(RatingErrors.NotFound, RatingErrors.AlreadyReviewed)
            .WithExamples(RatingDocs.RejectRequest, RatingDocs.Moderated);
        return app;
    }

    private static async Task<Results<Created<RatingDto>, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRatingRequest request, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct)
    {
        var result = await ratings.SubmitAsync(SessionActor.From(user), id, request, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Created(RatingUrls.Mine(id), result.Value);
    }

    private static async Task<Results<Ok<RatingDto>, ProblemHttpResult>> MineAsync(
        Guid id, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
        Answer(await ratings.MineAsync(SessionActor.From(user), id, ct));

    private static async Task<Results<Ok<SessionRatingsDto>, ProblemHttpResult>> ForSessionAsync(
        Guid id, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
        Answer(await ratings.ForSessionAsync(SessionActor.From(user), id, ct));

    private static async Task<Ok<EducatorRatingSummaryDto>> SummaryAsync(ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
        TypedResults.Ok(await ratings.EducatorSummaryAsync(SessionActor.From(user).UserId, ct));

    private static async Task<Results<Ok<ApiPage<ModeratedRatingDto>>, ProblemHttpResult>> ListAsync(
        SessionRatings ratings, CancellationToken ct, string? status = null, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        var only = Enum.GetValues<RatingStatus>().Cast<RatingStatus?>().FirstOrDefault(s => WireNames.Of(s!.Value) == status);
        if (status is not null && only is null)
        {
            errors.Add("status", "status must be one of pending, approved, rejected.");
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var (items, total) = await ratings.ListAsync(only, paging, ct);
        return TypedResults.Ok(ApiPage.Of(items, paging, total));
    }

    private static async Task<Results<Ok<ModeratedRatingDto>, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
        Answer(await ratings.ApproveAsync(SessionActor.From(user), id, ct));

    private static async Task<Results<Ok<ModeratedRatingDto>, ProblemHttpResult>> RejectAsync(
        Guid id, RejectRatingRequest request, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
        Answer(await ratings.RejectAsync(SessionActor.From(user), id, request.Reason, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
}
