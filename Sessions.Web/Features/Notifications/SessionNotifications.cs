using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// What the session lifecycle tells the mobile apps. <see cref="Add"/> joins the caller's transaction, so a state
/// change and its notification are stored together or not at all; <see cref="Flush"/> wakes the dispatcher after commit.
/// </summary>
public sealed class SessionNotifications(IOptions<FirestoreOptions> firestore, OutboxSignal signal)
{
    public bool IsOn => firestore.Value.IsOn;

    public void Add(SessionsDbContext db, NotificationKind kind, string educatorId, Guid sessionId, DateTime? endedAtUtc, DateTime now)
    {
        if (!IsOn)
        {
            return;
        }
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind,
            EducatorId = educatorId,
            SessionId = sessionId,
            EndedAtUtc = endedAtUtc,
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
