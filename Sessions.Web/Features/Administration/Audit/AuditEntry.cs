namespace Sessions.Web.Features.Administration.Audit;

/// <summary>
/// One administrative action, appended in the transaction of the change it records and never updated or deleted:
/// who did what to whom, when (UTC), and the target as it was before and after (JSON; null where there was none).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    /// <summary>The acting account; null for the command line, which acts as nobody in particular.</summary>
    public string? ActorId { get; init; }

    public required string Action { get; init; }

    public required string TargetId { get; init; }

    public DateTime AtUtc { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }
}
