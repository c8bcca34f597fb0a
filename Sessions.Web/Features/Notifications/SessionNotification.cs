using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sessions.Web.Features.Notifications;

public enum NotificationKind
{
    SessionStarted,
    SessionEnded,
}

/// <summary>The payload of a <see cref="SessionNotifications.Type"/> outbox row: what the Firestore document is to say.</summary>
public sealed record SessionNotification(NotificationKind Kind, string EducatorId, Guid SessionId, DateTime? EndedAtUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static SessionNotification FromPayload(string payload) =>
        JsonSerializer.Deserialize<SessionNotification>(payload, Json)
        ?? throw new JsonException("An outbox payload of the session notifier is null.");

    public static SessionNotification Of(OutboxMessage message) => FromPayload(message.Payload);
}
