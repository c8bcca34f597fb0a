using Sessions.Web.Features.Notifications;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// A notifier document reduced to what the portal owns, comparable with what the database says: record equality
/// compares instants by their ticks, whatever <see cref="DateTimeKind"/> SQLite and Firestore hand back.
/// </summary>
internal sealed record DocumentState(string Status, Guid SessionId, DateTime? EndedAtUtc)
{
    public static DocumentState? Of(NotifierDocument? document)
    {
        if (document is null)
        {
            return null;
        }
        var endedAt = document.Fields.TryGetValue(NotifierContract.EndedAtField, out var field) ? field.Value as DateTime? : null;
        return new DocumentState(
            document.Fields[NotifierContract.StatusField].Value as string ?? "",
            Guid.Parse((string)document.Fields[NotifierContract.SessionIdField].Value!),
            endedAt);
    }
}
