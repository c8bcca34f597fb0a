using System.Text;

namespace Sessions.Web.Features.Chat;

/// <summary>A kind of file the chat takes, as its bytes say.</summary>
public sealed record SniffedMedia(AttachmentKind Kind, string ContentType);

/// <summary>
/// What a file is, from its first bytes (its magic numbers), never from its name or the type a client claims: PNG, JPEG,
/// WebP, GIF, MP4 (an <c>ftyp</c> box with an MP4 brand), WebM (an EBML header whose doc type is <c>webm</c>) and PDF.
/// </summary>
public static class MediaSniffer
{
    /// <summary>Bytes enough to decide: the EBML doc type may sit a few dozen bytes in.</summary>
    public const int HeaderLength = 64;

    // MP4 major brands browsers play. QuickTime (qt), HEIF (heic, mif1) and 3GP also use ftyp boxes and are not taken.
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "mmp4", "msnv"];

    public static SniffedMedia? Sniff(ReadOnlySpan<byte> header) => header switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => new(AttachmentKind.Image, "image/png"),
        [0xFF, 0xD8, 0xFF, ..] => new(AttachmentKind.Image, "image/jpeg"),
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => new(AttachmentKind.Image, "image/gif"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => new(AttachmentKind.Image, "image/webp"),
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => new(AttachmentKind.Pdf, "application/pdf"),
        [0x1A, 0x45, 0xDF, 0xA3, ..] when IsWebM(header) => new(AttachmentKind.Video, "video/webm"),
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', _, _, _, _, ..] when IsMp4Brand(header[8..12]) => new(AttachmentKind.Video, "video/mp4"),
        _ => null,
    };

    private static bool IsMp4Brand(ReadOnlySpan<byte> brand)
    {
        var name = Encoding.ASCII.GetString(brand);
        return Mp4Brands.Contains(name, StringComparer.Ordinal);
    }

    /// <summary>Matroska shares the EBML magic; WebM says so in its header's DocType element (0x4282, then a size byte, then "webm").</summary>
    private static bool IsWebM(ReadOnlySpan<byte> header) => header.IndexOf(WebMDocType) >= 0;

    private static ReadOnlySpan<byte> WebMDocType => [0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];
}
