namespace Sessions.Web.Features.Chat;

/// <summary>How large each kind of attachment may be.</summary>
public static class MediaLimits
{
    public const long MiB = 1024 * 1024;

    public const long MaxImageBytes = 10 * MiB;
    public const long MaxVideoBytes = 100 * MiB;
    public const long MaxPdfBytes = 20 * MiB;

    /// <summary>The largest file of any kind.</summary>
    public const long MaxUploadBytes = MaxVideoBytes;

    /// <summary>The request body's limit: the largest file and room for the multipart framing around it.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + (64 * 1024);

    /// <summary>An image larger than this (in pixels) is refused before it is decoded: a small file can unpack into gigabytes.</summary>
    public const long MaxImagePixels = 50_000_000;

    public static long MaxBytes(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Image => MaxImageBytes,
        AttachmentKind.Video => MaxVideoBytes,
        AttachmentKind.Pdf => MaxPdfBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown attachment kind."),
    };
}
