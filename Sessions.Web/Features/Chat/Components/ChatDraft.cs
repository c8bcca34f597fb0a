namespace Sessions.Web.Features.Chat.Components;

/// <summary>What the composer hands to the panel to send: the typed text and the files already uploaded for it.</summary>
public sealed record ChatDraft(string Text, IReadOnlyList<ChatAttachmentDto> Attachments);
