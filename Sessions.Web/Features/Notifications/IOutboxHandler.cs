namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox rows of one <see cref="Type"/>. A handler must be idempotent: a row is delivered at least once,
/// and again if an instance dies between the side effect and recording it.
/// </summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task<OutboxResult> HandleAsync(string payload, CancellationToken ct);
}
