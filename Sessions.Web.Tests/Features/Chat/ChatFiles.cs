using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>Files as phones and laptops make them, built here byte by byte: photos with EXIF (GPS, orientation), videos, PDFs, and impostors.</summary>
public static class ChatFiles
{
    /// <summary>Written into the EXIF GPS block of <see cref="Jpeg"/> and <see cref="Png"/>: it must never come back.</summary>
    public const string GpsMarker = "GPS-SECRET-51.5014N-0.1419W";

    /// <summary>A JPEG photo of <paramref name="width"/> × <paramref name="height"/> pixels whose EXIF has a GPS block and the given orientation.</summary>
    public static byte[] Jpeg(int width, int height, ushort orientation = 1)
    {
        var plain = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var tiff = Tiff(orientation);
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        Encoding.ASCII.GetBytes("Exif\0\0").CopyTo(app1, 4);
        tiff.CopyTo(app1, 10);
        // Right after the start-of-image marker, where cameras put it.
        return [.. plain[..2], .. app1, .. plain[2..]];
    }

    /// <summary>A PNG whose <c>eXIf</c> chunk (PNG 1.5) has a GPS block.</summary>
    public static byte[] Png(int width, int height)
    {
        var plain = Encode(width, height, SKEncodedImageFormat.Png);
        // Signature (8) and the IHDR chunk (4 + 4 + 13 + 4): the eXIf chunk goes after it.
        const int afterHeader = 33;
        return [.. plain[..afterHeader], .. Chunk("eXIf", Tiff(orientation: 1)), .. plain[afterHeader..]];
    }

    public static byte[] Gif() =>
        // A 1×1 GIF89a, one frame.
        Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>An MP4 as far as its bytes go: an <c>ftyp</c> box (isom), then filler; long enough for range requests.</summary>
    public static byte[] Mp4(int length = 64 * 1024)
    {
        var bytes = new byte[length];
        byte[] ftyp = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8];
        ftyp.CopyTo(bytes, 0);
        for (var i = ftyp.Length; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }
        return bytes;
    }

    /// <summary>The start of a WebM file: an EBML header whose DocType is webm.</summary>
    public static byte[] WebM() =>
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08,
            0x42, 0x82, 0x84, .. "webm"u8, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The same EBML start for a Matroska file: not WebM, not taken.</summary>
    public static byte[] Matroska() =>
        [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08,
            0x42, 0x82, 0x88, .. "matroska"u8, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A Windows executable's first bytes ("MZ", then the DOS stub's message).</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode."u8];

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawRect(0, 0, width / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A little-endian TIFF block as EXIF holds it: IFD0 (orientation, a pointer to the GPS IFD), and the GPS IFD.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        const int ifd0 = 8, gpsIfd = ifd0 + 2 + (2 * 12) + 4, gpsData = gpsIfd + 2 + (2 * 12) + 4;
        var tiff = new byte[gpsData + marker.Length];
        var span = tiff.AsSpan();
        "II*\0"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], ifd0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[ifd0..], 2);
        Entry(span[(ifd0 + 2)..], tag: 0x0112, type: 3, count: 1, value: orientation); // Orientation, SHORT
        Entry(span[(ifd0 + 14)..], tag: 0x8825, type: 4, count: 1, value: gpsIfd); // GPSInfo IFD pointer, LONG
        BinaryPrimitives.WriteUInt16LittleEndian(span[gpsIfd..], 2);
        Entry(span[(gpsIfd + 2)..], tag: 0x0001, type: 2, count: 2, value: 'N'); // GPSLatitudeRef "N"
        Entry(span[(gpsIfd + 14)..], tag: 0x0012, type: 2, count: (uint)marker.Length, value: gpsData); // GPSMapDatum, the marker
        marker.CopyTo(span[gpsData..]);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[4 + 4 + data.Length + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: a handful of bytes, no table needed.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
