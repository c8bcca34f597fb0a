namespace Sessions.Web.Features.Video.Components;

/// <summary>What the room's live region announces; its text comes from the reader's language (<c>Room.Announce.{Kind}</c>).</summary>
/// <param name="Who">The participant who joined or left; empty otherwise.</param>
public sealed record RoomAnnouncement(RoomAnnouncementKind Kind, string Who = "");

public enum RoomAnnouncementKind
{
    Joined,
    Left,
    WrapUp,
    Ended,
    Cancelled,
    /// <summary>A chat message from <c>Who</c> while the chat panel is closed.</summary>
    ChatMessage,
}
