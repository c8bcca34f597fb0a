namespace Sessions.Web.Features.Notifications;

public enum OutboxOutcome
{
    Delivered,
    /// <summary>May succeed later (an outage, a timeout): retried with backoff.</summary>
    TransientFailure,
    /// <summary>Will fail the same way again: the row is marked failed and shows in the logs and on the health page.</summary>
    PermanentFailure,
}

public readonly record struct OutboxResult(OutboxOutcome Outcome, string? Error)
{
    public static OutboxResult Delivered { get; } = new(OutboxOutcome.Delivered, null);

    public static OutboxResult Transient(string error) => new(OutboxOutcome.TransientFailure, error);

    public static OutboxResult Permanent(string error) => new(OutboxOutcome.PermanentFailure, error);
}
