using System.Buffers.Binary;
using System.Collections;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// Which characters of the Basic Multilingual Plane a TrueType/OpenType font has a glyph for, read from its <c>cmap</c>
/// table (format 4, or format 12 where the font has one). PDFsharp draws a missing glyph as a blank box and says nothing,
/// so the renderer asks this before choosing a font for a character.
/// </summary>
public sealed class FontCoverage
{
    private readonly BitArray _covered = new(0x10000);

    public FontCoverage(ReadOnlySpan<byte> font)
    {
        var cmap = FindTable(font, "cmap");
        var subtable = BestSubtable(font, cmap);
        switch (BinaryPrimitives.ReadUInt16BigEndian(font[subtable..]))
        {
            case 4: ReadFormat4(font[subtable..]); break;
            case 12: ReadFormat12(font[subtable..]); break;
            default: throw new InvalidDataException("The font has no Unicode cmap of format 4 or 12.");
        }
    }

    public bool Covers(char c) => _covered[c];

    private static int FindTable(ReadOnlySpan<byte> font, string tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables; i++)
        {
            var entry = font.Slice(12 + 16 * i, 16);
            if (entry[0] == tag[0] && entry[1] == tag[1] && entry[2] == tag[2] && entry[3] == tag[3])
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            }
        }
        throw new InvalidDataException($"The font has no '{tag}' table.");
    }

    /// <summary>Windows full Unicode (3,10), else Windows BMP (3,1), else any Unicode platform (0,*) subtable.</summary>
    private static int BestSubtable(ReadOnlySpan<byte> font, int cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[(cmap + 2)..]);
        var best = (Rank: 0, Offset: -1);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(cmap + 4 + 8 * i, 8);
            var (platform, encoding) = (BinaryPrimitives.ReadUInt16BigEndian(record), BinaryPrimitives.ReadUInt16BigEndian(record[2..]));
            var rank = (platform, encoding) switch { (3, 10) => 3, (3, 1) => 2, (0, _) => 1, _ => 0 };
            if (rank > best.Rank)
            {
                best = (rank, cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]));
            }
        }
        return best.Offset >= 0 ? best.Offset : throw new InvalidDataException("The font has no Unicode cmap subtable.");
    }

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = ends[(2 * segments + 2)..];
        var deltas = starts[(2 * segments)..];
        var rangeOffsets = deltas[(2 * segments)..];
        for (var s = 0; s < segments; s++)
        {
            var (start, end) = (BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * s)..]), BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * s)..]));
            var delta = BinaryPrimitives.ReadUInt16BigEndian(deltas[(2 * s)..]);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(2 * s)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                var glyph = rangeOffset == 0
                    ? (ushort)(c + delta)
                    : BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(2 * s + rangeOffset + 2 * (c - start))..]) is var raw && raw != 0 ? (ushort)(raw + delta) : 0;
                _covered[c] = glyph != 0;
            }
        }
    }

    private void ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = table.Slice(16 + 12 * g, 12);
            var (start, end) = (BinaryPrimitives.ReadUInt32BigEndian(group), BinaryPrimitives.ReadUInt32BigEndian(group[4..]));
            var firstGlyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end && c < 0x10000; c++)
            {
                _covered[(int)c] = firstGlyph + (c - start) != 0;
            }
        }
    }
}
