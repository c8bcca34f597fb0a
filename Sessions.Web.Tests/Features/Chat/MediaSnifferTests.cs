using Sessions.Web.Features.Chat;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>A file's kind comes from its own first bytes: each format the chat takes, and the look-alikes it must not.</summary>
public sealed class MediaSnifferTests
{
    public static TheoryData<string, byte[], string> Taken() => new()
    {
        { "png", ChatFiles.Png(4, 4), "image/png" },
        { "jpeg", ChatFiles.Jpeg(4, 4), "image/jpeg" },
        { "gif", ChatFiles.Gif(), "image/gif" },
        { "webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0], "image/webp" },
        { "mp4", ChatFiles.Mp4(64), "video/mp4" },
        { "webm", ChatFiles.WebM(), "video/webm" },
        { "pdf", ChatFiles.Pdf(), "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void Each_format_is_known_by_its_magic_numbers(string format, byte[] bytes, string contentType)
    {
        var media = MediaSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, MediaSniffer.HeaderLength)));

        Assert.True(media is not null, format);
        Assert.Equal(contentType, media.ContentType);
    }

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "a Windows executable", ChatFiles.Executable() },
        { "Matroska (EBML, but not WebM)", ChatFiles.Matroska() },
        { "HEIF (an ftyp box of another brand)", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8] },
        { "QuickTime", [0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0, 0, 0, .. "qt  "u8] },
        { "RIFF that is WAVE audio", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8] },
        { "plain text", "hello, this is not a picture"u8.ToArray() },
        { "HTML", "<html><script>alert(1)</script></html>"u8.ToArray() },
        { "SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() },
        { "a PNG signature cut short", [0x89, (byte)'P', (byte)'N', (byte)'G'] },
        { "a ZIP archive", [.. "PK"u8, 3, 4, 20, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_not_taken(string what, byte[] bytes)
    {
        Assert.True(MediaSniffer.Sniff(bytes) is null, what);
    }
}
