namespace Sessions.Web.Features.Notifications;

public enum NotificationKind
{
    SessionStarted,
    SessionEnded,
}

public enum OutboxState
{
    Pending,
    Delivered,
    /// <summary>A newer row for the same document was written before this one went out; sending it would be stale.</summary>
    Superseded,
    /// <summary>Firestore refused it for good (not a passing outage); kept for the logs and the health page.</summary>
    Failed,
}

/// <summary>
/// One write the mobile notifier owes Firestore, stored in the same SQLite transaction as the state change that
/// caused it. Every value comes from SQLite, so re-sending a row after a crash writes the same document.
/// </summary>
public sealed class OutboxMessage
{
    public const int LastErrorMaxLength = 500;

    public long Id { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The document key: the mobile apps listen to <c>sessions_in_progress/{educatorId}</c>.</summary>
    public required string EducatorId { get; set; }

    public Guid SessionId { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? DoneUtc { get; set; }
}
