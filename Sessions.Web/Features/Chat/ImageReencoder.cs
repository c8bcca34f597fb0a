using Sessions.Web.Infrastructure.Http;
using SkiaSharp;

namespace Sessions.Web.Features.Chat;

/// <summary>An image as stored: its new bytes' type, its size in pixels upright, and its thumbnail's type.</summary>
public sealed record ReencodedImage(string ContentType, int Width, int Height, string ThumbnailContentType);

/// <summary>
/// Decodes an uploaded image and encodes it again, so nothing but its pixels survives: no EXIF (GPS, camera, owner), no
/// comments, no trailing data. The EXIF orientation is applied first, so the stored image stands as the camera meant.
/// A GIF keeps its first frame only and is stored as a PNG: one still picture is what a chat shows, and an animation's
/// other frames cannot carry what re-encoding is meant to drop if they are never decoded.
/// </summary>
public static class ImageReencoder
{
    private const int Quality = 90;

    /// <summary>
    /// Refuses bytes that are no decodable image (a file that only starts like one) as unsupported, and more pixels than
    /// <see cref="MediaLimits.MaxImagePixels"/> as too large, before decoding them.
    /// </summary>
    public static Result<ReencodedImage> Reencode(string sourcePath, string contentType, string targetPath, string thumbnailPath, int thumbnailSize)
    {
        using var codec = SKCodec.Create(sourcePath);
        if (codec is null)
        {
            return ChatErrors.UnsupportedMediaType;
        }
        if ((long)codec.Info.Width * codec.Info.Height > MediaLimits.MaxImagePixels)
        {
            return ChatErrors.TooLarge(AttachmentKind.Image);
        }
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return ChatErrors.UnsupportedMediaType;
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var format = contentType switch
        {
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            "image/webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Png,
        };
        Save(upright, format, targetPath);
        var scale = Math.Min(1.0, (double)thumbnailSize / Math.Max(upright.Width, upright.Height));
        var thumbnailInfo = new SKImageInfo(Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var thumbnail = upright.Resize(thumbnailInfo, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("The thumbnail could not be drawn.");
        Save(thumbnail, format, thumbnailPath);
        var storedType = TypeOf(format);
        return new ReencodedImage(storedType, upright.Width, upright.Height, storedType);
    }

    private static string TypeOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => "image/png",
    };

    private static void Save(SKBitmap bitmap, SKEncodedImageFormat format, string path)
    {
        using var data = bitmap.Encode(format, Quality) ?? throw new InvalidOperationException($"The image could not be encoded as {format}.");
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>The pixels turned as the EXIF orientation says (the re-encoded file has no orientation of its own any more).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var upright = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(upright);
        // Each case maps the stored pixel (x, y) to where it is seen; canvas steps apply to points last-to-first.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // upside down
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored upside down
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed: (x, y) → (y, x)
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop: // turned a quarter clockwise
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transversed: (x, y) → (w − y, h − x)
                canvas.Translate(width, height);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom: // turned a quarter anticlockwise
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }
}
