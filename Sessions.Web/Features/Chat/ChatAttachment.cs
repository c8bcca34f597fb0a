namespace Sessions.Web.Features.Chat;

/// <summary>
/// A checked file uploaded to a session's chat. It belongs to its uploader alone until a message of theirs in the same
/// session takes it (<see cref="MessageId"/>); from then on it is read with that message, and no longer once it is deleted.
/// </summary>
public sealed class ChatAttachment
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public required string UploaderId { get; set; }

    /// <summary>Null until a message is sent with it.</summary>
    public long? MessageId { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>The type of the bytes stored, decided from them (never from the client's claim).</summary>
    public required string ContentType { get; set; }

    /// <summary>The uploader's file name, cleaned of paths and control characters; only ever shown and offered as a download name.</summary>
    public required string FileName { get; set; }

    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Where <see cref="IAttachmentStore"/> keeps the file.</summary>
    public required string StorageKey { get; set; }

    /// <summary>Images only: the thumbnail's key.</summary>
    public string? ThumbnailKey { get; set; }

    public string? ThumbnailContentType { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum AttachmentKind
{
    Image,
    Video,
    Pdf,
}
