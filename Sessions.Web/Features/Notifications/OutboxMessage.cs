namespace Sessions.Web.Features.Notifications;

public enum OutboxState
{
    Pending,
    Delivered,
    /// <summary>A newer row for the same key was written before this one went out; sending it would be stale.</summary>
    Superseded,
    /// <summary>Its handler refused it for good (not a passing outage); kept for the logs and the health page.</summary>
    Failed,
}

/// <summary>
/// One side effect owed to the outside world, stored in the same transaction as the change that caused it. The
/// <see cref="Type"/> names the <see cref="IOutboxHandler"/> that delivers it; rows of one <see cref="Key"/> go out in
/// order, and a newer one supersedes older ones not yet sent. The payload holds values from the database only, so
/// re-sending a row after a crash has the same effect.
/// </summary>
public sealed class OutboxMessage
{
    public const int LastErrorMaxLength = 500;
    public const int TypeMaxLength = 64;
    public const int KeyMaxLength = 450;
    public const int ClaimedByMaxLength = 128;

    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Key { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedUtc { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? DoneUtc { get; set; }

    /// <summary>The dispatcher instance working on this row, until <see cref="ClaimedUntilUtc"/>; a crashed one's claim lapses.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
}
