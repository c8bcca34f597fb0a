using System.Collections.Concurrent;
using Sessions.Web.Features.Notifications;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>
/// The real Firestore handler under a type of the test's own, so the app's own dispatcher keeps off these rows; it
/// notes every payload that reached the emulator, in the order Firestore acknowledged them.
/// </summary>
internal sealed class RecordingHandler(IOutboxHandler firestore) : IOutboxHandler
{
    public const string RecordedType = "test.recorded-session-notifier";

    public ConcurrentQueue<SessionNotification> Delivered { get; } = new();

    public string Type => RecordedType;

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken ct)
    {
        var result = await firestore.HandleAsync(payload, ct);
        if (result.Outcome == OutboxOutcome.Delivered)
        {
            Delivered.Enqueue(SessionNotification.FromPayload(payload));
        }
        return result;
    }
}
