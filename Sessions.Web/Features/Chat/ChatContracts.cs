using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

/// <summary>A message to send: <see cref="ClientMessageId"/> makes a retried send land once.</summary>
public sealed record SendChatMessageRequest(Guid ClientMessageId, string? Text, IReadOnlyList<Guid>? AttachmentIds);

/// <summary>A message as the API, the hub and the room page show it; a deleted one has no text and no attachments.</summary>
public sealed record ChatMessageDto(
    long Id,
    Guid ClientMessageId,
    ChatSenderDto Sender,
    string? Text,
    IReadOnlyList<ChatAttachmentDto> Attachments,
    DateTimeOffset SentAt,
    bool Deleted,
    DateTimeOffset? DeletedAt);

/// <param name="Role"><c>educator</c> (teaches the class, admins included) or <c>student</c>, as when the message was sent.</param>
public sealed record ChatSenderDto(string Id, string DisplayName, string Role);

/// <param name="Kind"><c>image</c>, <c>video</c> or <c>pdf</c>.</param>
/// <param name="ThumbnailUrl">Images only.</param>
public sealed record ChatAttachmentDto(
    Guid Id, string Kind, string FileName, string ContentType, long Size, int? Width, int? Height, string? ThumbnailUrl, string Url)
{
    public static ChatAttachmentDto From(ChatAttachment a) => new(
        a.Id, WireNames.Of(a.Kind), a.FileName, a.ContentType, a.Size, a.Width, a.Height,
        a.ThumbnailKey is null ? null : ChatUrls.Thumbnail(a.SessionId, a.Id), ChatUrls.Attachment(a.SessionId, a.Id));
}

/// <summary>One page of history, newest first; <see cref="NextBefore"/> asks for the page before it (null: this is the oldest).</summary>
public sealed record ChatPageDto(IReadOnlyList<ChatMessageDto> Items, long? NextBefore);

public static class ChatUrls
{
    public static string Messages(Guid sessionId) => $"{SessionEndpoints.ApiGroup}/{sessionId}/messages";

    public static string Message(Guid sessionId, long messageId) => $"{Messages(sessionId)}/{messageId}";

    public static string Attachment(Guid sessionId, Guid attachmentId) => $"{SessionEndpoints.ApiGroup}/{sessionId}/attachments/{attachmentId}";

    public static string Thumbnail(Guid sessionId, Guid attachmentId) => $"{Attachment(sessionId, attachmentId)}/thumbnail";
}
