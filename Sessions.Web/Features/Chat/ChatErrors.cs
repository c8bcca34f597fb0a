using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

/// <summary>Every refusal of the chat, each with its stable code (membership and a session not live are <c>SessionErrors</c>'s).</summary>
public static class ChatErrors
{
    public static readonly ServiceError Disabled =
        new("chat_disabled", "The chat is off for students in this session.", StatusCodes.Status409Conflict);

    public static ServiceError RateLimited(TimeSpan wait) => new(
        ErrorCodes.RateLimited,
        $"You are sending messages too quickly: at most {ChatRules.StudentMessagesPerWindow} every {ChatRules.RateWindow.TotalSeconds:0} seconds.",
        StatusCodes.Status429TooManyRequests,
        new Dictionary<string, object?> { [RetryAfter.DetailKey] = RetryAfter.Seconds(wait) });

    public static readonly ServiceError MessageNotFound =
        new("message_not_found", "This message does not exist in this session.", StatusCodes.Status404NotFound);

    public static readonly ServiceError DeleteNotAllowed =
        new("delete_not_allowed", "You can delete only your own messages, within 5 minutes of sending them.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError AttachmentNotFound =
        new("attachment_not_found", "This attachment does not exist in this session.", StatusCodes.Status404NotFound);

    public static readonly ServiceError AttachmentRemoved =
        new("attachment_removed", "This attachment's message was deleted, so it is no longer available.", StatusCodes.Status410Gone);

    public static readonly ServiceError AttachmentEmpty =
        new("attachment_empty", "The file is empty.", StatusCodes.Status400BadRequest);

    public static readonly ServiceError AttachmentMissing =
        new("attachment_missing", "Send one file as multipart/form-data (a part with a file name).", StatusCodes.Status400BadRequest);

    public static readonly ServiceError UnsupportedMediaType = new(
        ErrorCodes.UnsupportedMediaType,
        "This kind of file cannot be shared: images (PNG, JPEG, WebP, GIF), videos (MP4, WebM) and PDF documents can.",
        StatusCodes.Status415UnsupportedMediaType);

    public static ServiceError TooLarge(AttachmentKind? kind) => new(
        "attachment_too_large",
        kind is { } known
            ? $"This file is too large: {WireNames.Of(known)} files may be at most {MediaLimits.MaxBytes(known) / MediaLimits.MiB} MB."
            : $"This file is too large: at most {MediaLimits.MaxUploadBytes / MediaLimits.MiB} MB.",
        StatusCodes.Status413PayloadTooLarge,
        new Dictionary<string, object?> { ["maxBytes"] = kind is { } k ? MediaLimits.MaxBytes(k) : MediaLimits.MaxUploadBytes });
}
