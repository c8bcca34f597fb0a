using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sessions.Web.Features.Live.Bus;

/// <summary>What crosses the bus: an event for a class and its educator, or a user's roster move.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LiveBusEvent), "event")]
[JsonDerivedType(typeof(LiveBusMembership), "membership")]
public abstract record LiveBusMessage;

public sealed record LiveBusEvent(LiveEvent Event, string EducatorId) : LiveBusMessage;

public sealed record LiveBusMembership(string UserId, MembershipChangedMessage Change) : LiveBusMessage;

/// <summary>
/// The bus's JSON, the one place an event type gets its wire name. The discriminators are added here rather than as attributes
/// on <see cref="LiveEvent"/>, so the hub's payloads and the AsyncAPI document stay exactly as they are.
/// </summary>
public static class LiveBusJson
{
    /// <summary>Every event type the bus carries; a type missing here fails at its first publish, and a test checks none is.</summary>
    public static readonly IReadOnlyDictionary<Type, string> EventTypes = new Dictionary<Type, string>
    {
        [typeof(SessionStartedMessage)] = nameof(ILiveClient.SessionStarted),
        [typeof(SessionEndedMessage)] = nameof(ILiveClient.SessionEnded),
        [typeof(SessionScheduledMessage)] = nameof(ILiveClient.SessionScheduled),
        [typeof(SessionUpdatedMessage)] = nameof(ILiveClient.SessionUpdated),
        [typeof(SessionCancelledMessage)] = nameof(ILiveClient.SessionCancelled),
        [typeof(SessionWrapUpMessage)] = nameof(ILiveClient.SessionWrapUp),
        [typeof(SessionExtendedMessage)] = nameof(ILiveClient.SessionExtended),
        [typeof(ParticipantJoinedMessage)] = nameof(ILiveClient.ParticipantJoined),
        [typeof(ParticipantLeftMessage)] = nameof(ILiveClient.ParticipantLeft),
        [typeof(ChatMessagePostedMessage)] = nameof(ILiveClient.ChatMessagePosted),
        [typeof(ChatMessageDeletedMessage)] = nameof(ILiveClient.ChatMessageDeleted),
        [typeof(ActivityLoggedMessage)] = nameof(ILiveClient.ActivityLogged),
    };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddEventTypes } },
    };

    public static byte[] Serialize(LiveBusMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    public static LiveBusMessage Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<LiveBusMessage>(json, Options) ?? throw new JsonException("A live bus message was null.");

    private static void AddEventTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(LiveEvent))
        {
            return;
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "type" };
        foreach (var (type, name) in EventTypes)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
