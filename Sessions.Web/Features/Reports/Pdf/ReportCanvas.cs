using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// The pages of one report and a cursor going down them. Layout code works in <em>reading</em> coordinates, an offset from
/// the start edge of the text block (left in English, right in Arabic); the canvas turns them into page coordinates, so
/// the whole layout mirrors in a right-to-left culture without each section knowing.
/// </summary>
public sealed class ReportCanvas : IDisposable
{
    public const double Margin = 42;
    private const double FooterSpace = 28;

    private readonly PdfDocument _document;
    private readonly ReportPaper _paper;
    private XGraphics? _graphics;

    public ReportCanvas(PdfDocument document, ReportPaper paper, Typesetter typesetter)
    {
        _document = document;
        _paper = paper;
        Text = typesetter;
        NewPage();
    }

    public Typesetter Text { get; }
    public bool RightToLeft => Text.Paragraph == BidiText.Direction.RightToLeft;
    public XGraphics Graphics => _graphics!;
    public double Y { get; set; }
    public double Width => PageWidth - 2 * Margin;
    private double PageWidth => _document.Pages[^1].Width.Point;
    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterSpace;

    /// <summary>Starts a new page when <paramref name="height"/> does not fit on this one; true if it did.</summary>
    public bool Reserve(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }
        NewPage();
        return true;
    }

    /// <summary>The page x of a box <paramref name="width"/> wide at <paramref name="offset"/> from the start edge.</summary>
    public double PageX(double offset, double width) => RightToLeft ? PageWidth - Margin - offset - width : Margin + offset;

    /// <summary>Draws runs on the baseline <paramref name="baseline"/>, aligned to the start or end of the box.</summary>
    public void Draw(IReadOnlyList<TextRun> runs, double offset, double width, double baseline, bool alignEnd = false)
    {
        var box = PageX(offset, width);
        var used = Typesetter.Width(runs);
        DrawRuns(Graphics, runs, alignEnd != RightToLeft ? box + width - used : box, baseline);
    }

    private static void DrawRuns(XGraphics graphics, IReadOnlyList<TextRun> runs, double x, double baseline)
    {
        foreach (var run in runs)
        {
            graphics.DrawString(run.Text, run.Font, new XSolidBrush(run.Style.Color ?? XColors.Black), x, baseline, XStringFormats.BaseLineLeft);
            x += run.Width;
        }
    }

    /// <summary>A line of text at the cursor across the whole block, then the cursor below it.</summary>
    public void Line(string text, TextStyle style, bool alignEnd = false)
    {
        Reserve(style.LineHeight);
        Draw(Text.Line(text, style), 0, Width, Y + style.Size, alignEnd);
        Y += style.LineHeight;
    }

    /// <summary>
    /// A paragraph wrapped to the block less <paramref name="indent"/>, breaking pages between lines. Text the reader wrote
    /// (<paramref name="ownDirection"/>) takes its direction from its first strong character (UAX #9 P2): an English
    /// paragraph in an Arabic report runs and aligns left to right, and the other way round.
    /// </summary>
    public void Paragraph(IReadOnlyList<StyledText> pieces, double indent = 0, bool ownDirection = false)
    {
        var lineHeight = pieces.Max(p => p.Style.LineHeight);
        var size = pieces.Max(p => p.Style.Size);
        var direction = ownDirection ? BidiText.DirectionOf(string.Concat(pieces.Select(p => p.Text)), Text.Paragraph) : Text.Paragraph;
        foreach (var line in Text.Wrap(pieces, Width - indent, direction))
        {
            Reserve(lineHeight);
            // Against the document's direction the line keeps the indent on the start side and aligns to its own start.
            Draw(line, direction == Text.Paragraph ? indent : 0, Width - indent, Y + size, alignEnd: direction != Text.Paragraph);
            Y += lineHeight;
        }
    }

    public void Heading(string text)
    {
        Reserve(TextStyle.Heading.LineHeight + 60); // never a heading alone at the foot of a page: a table's header and first rows come with it
        Y += 8;
        Line(text, TextStyle.Heading);
        Graphics.DrawLine(new XPen(XColors.LightGray, 0.6), Margin, Y, PageWidth - Margin, Y);
        Y += 4;
    }

    /// <summary>"Page n of m" at the foot of every page, once all pages exist.</summary>
    public void Footers(Func<int, int, string> label)
    {
        _graphics?.Dispose();
        _graphics = null;
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var runs = Text.Line(label(i + 1, _document.PageCount), TextStyle.Small);
            DrawRuns(graphics, runs, (page.Width.Point - Typesetter.Width(runs)) / 2, page.Height.Point - Margin);
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = _paper == ReportPaper.A4 ? PdfSharp.PageSize.A4 : PdfSharp.PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
        PageStarted?.Invoke();
    }

    /// <summary>Raised after a page break (a table repeats its header row).</summary>
    public event Action? PageStarted;

    public void Dispose() => _graphics?.Dispose();
}
