using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// What the session lifecycle tells the mobile apps: the one place that writes the notifier's outbox rows.
/// <see cref="Add"/> joins the caller's transaction, so a state change and its notification are stored together or
/// not at all; <see cref="Flush"/> wakes the dispatcher after commit.
/// </summary>
public sealed class SessionNotifications(IOptions<FirestoreOptions> firestore, OutboxSignal signal)
{
    /// <summary>The outbox type delivered by <see cref="FirestoreNotifierHandler"/>; the key is the educator's document.</summary>
    public const string Type = "firestore.session-notifier";

    public bool IsOn => firestore.Value.IsOn;

    public void Add(SessionsDbContext db, NotificationKind kind, string educatorId, Guid sessionId, DateTime? endedAtUtc, DateTime now)
    {
        if (!IsOn)
        {
            return;
        }
        db.Outbox.Add(new OutboxMessage
        {
            Type = Type,
            Key = educatorId,
            Payload = new SessionNotification(kind, educatorId, sessionId, endedAtUtc).ToPayload(),
            CreatedUtc = now,
            State = OutboxState.Pending,
            NextAttemptUtc = now,
        });
    }

    public void Flush()
    {
        if (IsOn)
        {
            signal.Notify();
        }
    }
}
