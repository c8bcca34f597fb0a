using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// Turns logical text into what PDFsharp can draw: Arabic shaped (<see cref="ArabicShaping"/>), the line put in visual
/// order (<see cref="BidiText"/>), and each character given the first font that has its glyph, so a line mixing Arabic,
/// Latin and CJK names becomes a few runs of one font each. Also breaks paragraphs into lines of a width.
/// One per document: it caches its fonts and measures with one graphics context.
/// </summary>
public sealed class Typesetter(ReportFontResolver fonts, XGraphics measure, BidiText.Direction paragraph)
{
    // PDFsharp 6.2.4's subsetting drops the parts of composite glyphs: DejaVu's medial qaf lost its body. The main fonts
    // are embedded whole (about 0.5 MB compressed for both); the CJK fallback, whose glyphs are simple, is subset.
    private static readonly XPdfFontOptions Whole = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
    private static readonly XPdfFontOptions Subset = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(ReportFontFace Face, TextStyle Style), XFont> _fonts = [];

    public BidiText.Direction Paragraph => paragraph;

    /// <summary>One line of one style, in visual order.</summary>
    public IReadOnlyList<TextRun> Line(string text, TextStyle style) => Line([new StyledText(text, style)]);

    /// <summary>One line of styled pieces, in visual order, in the document's direction or <paramref name="direction"/>.</summary>
    public IReadOnlyList<TextRun> Line(IReadOnlyList<StyledText> pieces, BidiText.Direction? direction = null)
    {
        var logical = string.Concat(pieces.Select(p => p.Text));
        var styles = pieces.SelectMany(p => Enumerable.Repeat(p.Style, p.Text.Length)).ToArray();
        var (order, visual) = BidiText.Reorder(ArabicShaping.Shape(logical), direction ?? paragraph);
        var runs = new List<TextRun>();
        var text = new System.Text.StringBuilder();
        (ReportFontFace Face, TextStyle Style)? current = null;
        for (var i = 0; i < visual.Length; i++)
        {
            var c = visual[i];
            if (c == ArabicShaping.Consumed || BidiText.IsMark(c))
            {
                continue;
            }
            var style = styles[order[i]];
            // A space or a character the open run's font has stays in that run: fewer, longer runs.
            var face = current is { } open && open.Style == style && (char.IsWhiteSpace(c) || open.Face.Coverage.Covers(c)) ? open.Face : FaceFor(c, style.Bold);
            if (current is { } run && (run.Face != face || run.Style != style))
            {
                runs.Add(Run(text.ToString(), run.Face, run.Style));
                text.Clear();
            }
            current = (face, style);
            text.Append(c);
        }
        if (current is { } last)
        {
            runs.Add(Run(text.ToString(), last.Face, last.Style));
        }
        return runs;
    }

    public static double Width(IReadOnlyList<TextRun> runs) => runs.Sum(r => r.Width);

    /// <summary>
    /// The paragraph broken at spaces into lines no wider than <paramref name="width"/> (a word longer than that is
    /// cut by characters), each in visual order.
    /// </summary>
    public List<IReadOnlyList<TextRun>> Wrap(IReadOnlyList<StyledText> pieces, double width, BidiText.Direction? direction = null)
    {
        IReadOnlyList<TextRun> Line(IReadOnlyList<StyledText> line) => this.Line(line, direction);
        var lines = new List<IReadOnlyList<TextRun>>();
        var line = new List<StyledText>();
        foreach (var word in Words(pieces))
        {
            var candidate = line.Append(word).ToList();
            if (line.Count > 0 && Width(Line(Trimmed(candidate))) > width)
            {
                lines.Add(Line(Trimmed(line)));
                line.Clear();
                candidate = [word with { Text = word.Text.TrimStart() }];
            }
            while (Width(Line(candidate)) > width && candidate.Sum(p => p.Text.Length) > 1)
            {
                var (head, tail) = CutToWidth(candidate, width);
                lines.Add(Line(head));
                candidate = tail;
            }
            line = candidate;
        }
        if (line.Count > 0)
        {
            lines.Add(Line(Trimmed(line)));
        }
        return lines;
    }

    /// <summary>Text cut with an ellipsis to fit <paramref name="width"/> (table cells).</summary>
    public IReadOnlyList<TextRun> Fit(string text, TextStyle style, double width)
    {
        var runs = Line(text, style);
        for (var length = text.Length - 1; Width(runs) > width && length > 0; length--)
        {
            runs = Line(text[..length].TrimEnd() + "…", style);
        }
        return runs;
    }

    private static IEnumerable<StyledText> Words(IReadOnlyList<StyledText> pieces)
    {
        foreach (var piece in pieces)
        {
            var start = 0;
            for (var i = 1; i <= piece.Text.Length; i++)
            {
                if (i == piece.Text.Length || piece.Text[i] == ' ')
                {
                    yield return piece with { Text = piece.Text[start..i] };
                    start = i;
                }
            }
        }
    }

    private static List<StyledText> Trimmed(List<StyledText> line) =>
        line.Count == 0 ? line : [.. line.SkipLast(1), line[^1] with { Text = line[^1].Text.TrimEnd() }];

    private (List<StyledText> Head, List<StyledText> Tail) CutToWidth(List<StyledText> pieces, double width)
    {
        var flat = pieces.SelectMany(p => p.Text.Select(c => new StyledText(c.ToString(), p.Style))).ToList();
        var take = 1;
        while (take < flat.Count && Width(Line(flat.Take(take + 1).ToList())) <= width)
        {
            take++;
        }
        return (flat.Take(take).ToList(), flat.Skip(take).ToList());
    }

    private TextRun Run(string text, ReportFontFace face, TextStyle style)
    {
        var font = Font(face, style);
        return new TextRun(text, font, style, measure.MeasureString(text, font).Width);
    }

    private XFont Font(ReportFontFace face, TextStyle style)
    {
        if (!_fonts.TryGetValue((face, style), out var font))
        {
            var main = face.Name is ReportFontResolver.Regular or ReportFontResolver.Bold;
            var bold = style.Bold && face.Name != ReportFontResolver.Bold;
            var fontStyle = (bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(face.Name, style.Size, fontStyle, main ? Whole : Subset);
            _fonts[(face, style)] = font;
        }
        return font;
    }

    /// <summary>The main face of the weight if it has the glyph, else the first fallback that has it, else the main face (a blank box).</summary>
    private ReportFontFace FaceFor(char c, bool bold)
    {
        var main = bold ? fonts.Faces[1] : fonts.Faces[0];
        return main.Coverage.Covers(c) ? main : fonts.Faces.Skip(2).FirstOrDefault(face => face.Coverage.Covers(c)) ?? main;
    }
}
