using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sessions.Web.Infrastructure.Diagnostics;

/// <summary>
/// The portal's own traces and counters: a session start, a room join, an outbox delivery. They cost next to nothing
/// until something listens (the OTLP exporter when configured, dotnet-counters, a test).
/// </summary>
public sealed class SessionsTelemetry
{
    public const string Name = "Sessions";
    public const string SessionIdTag = "sessions.session_id";
    public const string OutboxIdTag = "sessions.outbox_id";
    public const string OutboxTypeTag = "sessions.outbox_type";
    public const string OutcomeTag = "sessions.outcome";

    /// <summary>Static because activities need no per-app state; listeners tell apps apart by the session id tag.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _sessionsStarted;
    private readonly Counter<long> _roomJoins;
    private readonly Counter<long> _outboxDelivered;
    private readonly Counter<long> _outboxFailed;

    /// <summary>From the app's meter factory, so two apps in one process (the tests) count apart.</summary>
    public SessionsTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _sessionsStarted = meter.CreateCounter<long>("sessions.session.started", "{session}", "Sessions moved to in progress.");
        _roomJoins = meter.CreateCounter<long>("sessions.room.joins", "{join}", "Stays opened in a session's room.");
        _outboxDelivered = meter.CreateCounter<long>("sessions.outbox.delivered", "{message}", "Outbox rows acknowledged by their receiver.");
        _outboxFailed = meter.CreateCounter<long>("sessions.outbox.failed", "{message}",
            "Outbox deliveries that failed, to be retried or refused for good (tag sessions.outcome).");
    }

    public static Activity? StartSessionActivity(string name, Guid sessionId) =>
        Source.StartActivity(name)?.SetTag(SessionIdTag, sessionId.ToString());

    public void SessionStarted() => _sessionsStarted.Add(1);

    public void RoomJoined() => _roomJoins.Add(1);

    public void OutboxDelivered() => _outboxDelivered.Add(1);

    public void OutboxFailed(bool willRetry) => _outboxFailed.Add(1, new KeyValuePair<string, object?>(OutcomeTag, willRetry ? "retry" : "refused"));
}
