using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Ratings;

/// <summary>What a rating and a rejection may hold, for the API and the pages alike.</summary>
public static class RatingRules
{
    public const int FeedbackMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    /// <summary>Text elements may take several UTF-16 units (<see cref="TextRule.MaxTextElementLength"/>): the column leaves room for them.</summary>
    public const int FeedbackMaxStoredLength = FeedbackMaxLength * 4;
    public const int ReasonMaxStoredLength = ReasonMaxLength * 4;

    public static readonly TextRule Feedback = new("feedback", "The feedback", FeedbackMaxLength, Required: false, MultiLine: true);

    public static readonly TextRule Reason = new("reason", "The reason", ReasonMaxLength, Required: true, MultiLine: true);

    /// <summary>The API's field names of the criteria, in the order forms show them.</summary>
    public static readonly IReadOnlyList<string> Criteria = ["contentClarity", "engagement", "audioVideoQuality", "pace"];

    public static void CheckScore(FieldErrors errors, string field, int? score)
    {
        if (score is null)
        {
            errors.Add(field, FieldMessage.Of("score_required", $"{field} is required: a score from {Rating.MinScore} to {Rating.MaxScore}.",
                ("min", Rating.MinScore), ("max", Rating.MaxScore)));
        }
        else if (score is < Rating.MinScore or > Rating.MaxScore)
        {
            errors.Add(field, FieldMessage.Of("score_out_of_range", $"{field} must be between {Rating.MinScore} and {Rating.MaxScore}.",
                ("min", Rating.MinScore), ("max", Rating.MaxScore)));
        }
    }

    public static FieldErrors Check(SubmitRatingRequest request)
    {
        var errors = new FieldErrors();
        CheckScore(errors, "overall", request.Overall);
        var criteria = request.Criteria ?? new RatingCriteriaRequest(null, null, null, null);
        CheckScore(errors, "criteria.contentClarity", criteria.ContentClarity);
        CheckScore(errors, "criteria.engagement", criteria.Engagement);
        CheckScore(errors, "criteria.audioVideoQuality", criteria.AudioVideoQuality);
        CheckScore(errors, "criteria.pace", criteria.Pace);
        Feedback.Check(errors, request.Feedback);
        return errors;
    }
}
