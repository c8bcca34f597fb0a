namespace Sessions.Web.Features.Ratings;

/// <summary>
/// A student's rating of a completed session they attended: one per student and session (a unique index, so racing
/// submissions store one). It counts for the educator only once an admin approves it.
/// </summary>
public sealed class Rating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public required string StudentId { get; set; }

    public int Overall { get; set; }
    public int ContentClarity { get; set; }
    public int Engagement { get; set; }
    public int AudioVideoQuality { get; set; }
    public int Pace { get; set; }

    /// <summary>Plain text, trimmed (<see cref="RatingRules.Feedback"/>); null when the student wrote none.</summary>
    public string? Feedback { get; set; }

    /// <summary>The student's name is shown to nobody but the student: not to the educator, not in the moderation list.</summary>
    public bool Anonymous { get; set; }

    public RatingStatus Status { get; set; }
    public string? RejectReason { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public DateTime? ReviewedUtc { get; set; }
    public string? ReviewedById { get; set; }
}

public enum RatingStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A student closed the rating prompt of a session without rating it: the class page does not ask again, on any device.</summary>
public sealed class RatingPromptDismissal
{
    public Guid SessionId { get; set; }
    public required string StudentId { get; set; }
    public DateTime DismissedUtc { get; set; }
}
