namespace Sessions.Web.Features.Chat.Components;

/// <summary>The resource class of the chat's texts (the room's panel and the history page).</summary>
public sealed class ChatText;
