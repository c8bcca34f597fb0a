using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Ratings;

/// <summary>Every refusal of ratings, each with its stable code (membership and completion refusals are <c>SessionErrors</c>'s).</summary>
public static class RatingErrors
{
    public static readonly ServiceError AlreadyRated =
        new("already_rated", "You have already rated this session.", StatusCodes.Status409Conflict);

    public static readonly ServiceError DidNotAttend =
        new("did_not_attend", "Only students who attended this session can rate it.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError TeachersCannotRate =
        new("teachers_cannot_rate", "Those who teach a class do not rate its sessions: its students do.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError NotFound =
        new("rating_not_found", "There is no such rating.", StatusCodes.Status404NotFound);

    public static readonly ServiceError AlreadyReviewed =
        new("rating_already_reviewed", "This rating has already been approved or rejected.", StatusCodes.Status409Conflict);
}
