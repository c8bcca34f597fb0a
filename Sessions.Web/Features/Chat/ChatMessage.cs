namespace Sessions.Web.Features.Chat;

/// <summary>
/// One message of a session's chat. Ids grow with time, so the newest page is the one with the highest ids and a page's
/// smallest id is the cursor to the next (<see cref="ChatService.ListAsync"/>).
/// </summary>
public sealed class ChatMessage
{
    /// <summary>Counted as text elements (what a reader sees as one character) by <see cref="ChatRules.Text"/>.</summary>
    public const int TextMaxLength = 2000;

    public const int MaxAttachments = 4;

    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public required string SenderId { get; set; }

    /// <summary>The sender's part in the session when they wrote (<see cref="ChatRoles"/>): shown beside the name ever after.</summary>
    public required string SenderRole { get; set; }

    /// <summary>Chosen by the sender's client: a retried send with the same id is stored once (unique per session and sender).</summary>
    public Guid ClientMessageId { get; set; }

    /// <summary>Plain text, trimmed; null once the message is deleted (its words are not kept).</summary>
    public string? Text { get; set; }

    public DateTime SentUtc { get; set; }
    public DateTime? DeletedUtc { get; set; }
    public string? DeletedById { get; set; }
}

/// <summary>A sender's part in a session, as messages show it.</summary>
public static class ChatRoles
{
    /// <summary>Teaches the class: its owner, a co-educator, the session's educator, or an admin.</summary>
    public const string Educator = "educator";

    public const string Student = "student";
}
