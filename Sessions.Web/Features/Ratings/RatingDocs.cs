namespace Sessions.Web.Features.Ratings;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class RatingDocs
{
    private static readonly Guid SessionId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid RatingId = Guid.Parse("01937a4e-3c2b-7d5e-9f10-2b3c4d5e6f70");
    private static readonly DateTimeOffset Submitted = new(2027, 4, 1, 10, 5, 0, TimeSpan.Zero);
    private static readonly RatingCriteriaDto Criteria = new(5, 4, 3, 4);

    public static readonly SubmitRatingRequest SubmitRequest = new(4, new RatingCriteriaRequest(5, 4, 3, 4),
        "Clear explanations; the sound dropped twice.", Anonymous: false);

    public static readonly RatingDto Rating = new(RatingId, SessionId, "pending", 4, Criteria, SubmitRequest.Feedback, false, Submitted, null, null);

    public static readonly ModeratedRatingDto Moderated = new(RatingId, SessionId, "Fractions, part 2", "Grade 7 Maths",
        new RatingAuthorDto("b7f2c1d0-5c1e-4d7a-9f0e-2a6c8e4b1f33", "Lina Haddad"), "pending", 4, Criteria, SubmitRequest.Feedback, false,
        Submitted, null, null);

    public static readonly RejectRatingRequest RejectRequest = new("Names a classmate; please rate the session, not people.");

    public static readonly SessionRatingsDto SessionRatings = new(SessionId, 1, new RatingAverages(4, 5, 4, 3, 4),
        [new ApprovedRatingDto(RatingId, null, 4, Criteria, SubmitRequest.Feedback, Submitted)]);

    public static readonly EducatorRatingSummaryDto Summary = new(12, 4, new RatingAverages(4.25, 4.5, 4.08, 3.67, 4));
}
