using PdfSharp.Drawing;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>How a piece of text is drawn; the font itself is chosen per character (<see cref="Typesetter"/>).</summary>
public sealed record TextStyle(double Size, bool Bold = false, bool Italic = false, XColor? Color = null)
{
    public static readonly TextStyle Body = new(9);
    public static readonly TextStyle Small = new(7.5, Color: XColors.DimGray);
    public static readonly TextStyle Heading = new(12, Bold: true);
    public static readonly TextStyle Title = new(17, Bold: true);
    public static readonly TextStyle Header = new(8.5, Bold: true);

    public double LineHeight => Size * 1.3;

    public TextStyle WithEmphasis(bool bold, bool italic) => this with { Bold = Bold || bold, Italic = Italic || italic };
}

/// <summary>A piece of a paragraph in one style, in logical (reading) order.</summary>
public readonly record struct StyledText(string Text, TextStyle Style);

/// <summary>Glyphs in one font, in visual order, ready to draw from left to right.</summary>
public sealed record TextRun(string Text, XFont Font, TextStyle Style, double Width);
