using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Chat;

public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// The folder attachments are kept in, relative to the content root unless absolute. Never under wwwroot: files are
    /// served only through the authorized attachment endpoint.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Chat:StorageRoot must name a folder.")]
    public string StorageRoot { get; set; } = "App_Data/attachments";

    /// <summary>The thumbnail's longest side, in pixels.</summary>
    [Range(64, 1024, ErrorMessage = "Chat:ThumbnailSize must be between 64 and 1024.")]
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>How long an uploaded file may wait for a message to send it with, before it is removed.</summary>
    [Range(1, 720, ErrorMessage = "Chat:UnsentAttachmentHours must be between 1 and 720.")]
    public int UnsentAttachmentHours { get; set; } = 24;

    public TimeSpan UnsentAttachmentLifetime => TimeSpan.FromHours(UnsentAttachmentHours);
}
