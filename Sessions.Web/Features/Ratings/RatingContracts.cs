using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Ratings;

/// <summary>A student's rating of a session: each score 1 to 5; feedback optional.</summary>
public sealed record SubmitRatingRequest(int? Overall, RatingCriteriaRequest? Criteria, string? Feedback, bool Anonymous);

public sealed record RatingCriteriaRequest(int? ContentClarity, int? Engagement, int? AudioVideoQuality, int? Pace);

public sealed record RatingCriteriaDto(int ContentClarity, int Engagement, int AudioVideoQuality, int Pace);

/// <summary>A rating as its author sees it, with its review state.</summary>
/// <param name="Status"><c>pending</c>, <c>approved</c> or <c>rejected</c>.</param>
public sealed record RatingDto(
    Guid Id, Guid SessionId, string Status, int Overall, RatingCriteriaDto Criteria, string? Feedback, bool Anonymous,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReviewedAt, string? RejectReason);

/// <summary>The student who wrote a rating; never given for an anonymous one.</summary>
public sealed record RatingAuthorDto(string Id, string DisplayName);

/// <summary>A rating in the moderation list: the session it is about, and its author unless it is anonymous.</summary>
public sealed record ModeratedRatingDto(
    Guid Id, Guid SessionId, string SessionTitle, string ClassName, RatingAuthorDto? Student, string Status, int Overall,
    RatingCriteriaDto Criteria, string? Feedback, bool Anonymous, DateTimeOffset SubmittedAt, DateTimeOffset? ReviewedAt, string? RejectReason);

/// <summary>An approved rating as the educator sees it: its author unless it is anonymous.</summary>
public sealed record ApprovedRatingDto(Guid Id, RatingAuthorDto? Student, int Overall, RatingCriteriaDto Criteria, string? Feedback, DateTimeOffset SubmittedAt);

/// <summary>Mean scores over approved ratings, rounded to two decimals; all null when there are none.</summary>
public sealed record RatingAverages(double? Overall, double? ContentClarity, double? Engagement, double? AudioVideoQuality, double? Pace)
{
    public static readonly RatingAverages None = new(null, null, null, null, null);
}

/// <summary>A session's approved ratings (all of them: a session has a class's worth at most, so not a page) and their averages.</summary>
public sealed record SessionRatingsDto(Guid SessionId, int Count, RatingAverages Averages, IReadOnlyList<ApprovedRatingDto> Ratings);

/// <summary>An educator's approved ratings over every session they gave.</summary>
public sealed record EducatorRatingSummaryDto(int Count, int SessionsRated, RatingAverages Averages);

/// <summary>A rejection: the reason is kept with the rating and shown to its author.</summary>
public sealed record RejectRatingRequest(string? Reason);

/// <summary>A completed session the student attended and may still rate (the class page's prompt).</summary>
public sealed record RatingInvitation(Guid SessionId, string Title, DateTime EndedUtc);

public static class RatingUrls
{
    public const string ModerationGroup = "/api/ratings";

    public static string OfSession(Guid sessionId) => $"{SessionEndpoints.ApiGroup}/{sessionId}/ratings";

    public static string Mine(Guid sessionId) => $"{OfSession(sessionId)}/mine";
}
