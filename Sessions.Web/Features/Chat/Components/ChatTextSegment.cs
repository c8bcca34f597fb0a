namespace Sessions.Web.Features.Chat.Components;

/// <summary>A run of a message's text: plain text, or a web address shown as a link to <see cref="Href"/>.</summary>
public sealed record ChatTextSegment(string Text, Uri? Href);
