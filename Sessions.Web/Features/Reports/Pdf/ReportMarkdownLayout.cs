using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// Lays out the educator's Markdown (parsed by <see cref="ReportMarkdown.Parse"/>): headings, paragraphs, bold and
/// italic, bullet and numbered lists (nested ones indented), quotes indented, code as plain text, links as their text.
/// Nothing in it is drawn as markup, so whatever the educator typed ends up as text.
/// </summary>
public static class ReportMarkdownLayout
{
    private const double ListIndent = 14;

    public static void Draw(ReportCanvas canvas, string markdown)
    {
        foreach (var block in ReportMarkdown.Parse(markdown))
        {
            Block(canvas, block, 0);
        }
    }

    private static void Block(ReportCanvas canvas, Block block, double indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var style = new TextStyle(heading.Level <= 2 ? 11 : 10, Bold: true);
                canvas.Y += 3;
                Paragraphs(canvas, Inlines(heading.Inline, style), indent);
                break;
            case ParagraphBlock paragraph:
                Paragraphs(canvas, Inlines(paragraph.Inline, TextStyle.Body), indent);
                canvas.Y += 3;
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "• ";
                    ListItem(canvas, item, marker, indent);
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Block(canvas, child, indent + ListIndent);
                }
                break;
            case LeafBlock { Lines.Count: > 0 } code: // fenced or indented code
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    canvas.Paragraph([new StyledText(line.ToString(), TextStyle.Body)], indent, ownDirection: true);
                }
                canvas.Y += 3;
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(canvas, child, indent);
                }
                break;
        }
    }

    /// <summary>The marker goes before the item's first paragraph; the item's other blocks are indented under it.</summary>
    private static void ListItem(ReportCanvas canvas, ListItemBlock item, string marker, double indent)
    {
        var first = true;
        foreach (var child in item)
        {
            if (first && child is ParagraphBlock paragraph)
            {
                var pieces = Inlines(paragraph.Inline, TextStyle.Body);
                pieces.Insert(0, new StyledText(marker, TextStyle.Body));
                Paragraphs(canvas, pieces, indent + ListIndent / 2);
            }
            else
            {
                Block(canvas, child, indent + ListIndent);
            }
            first = false;
        }
    }

    /// <summary>A hard line break starts a new line; everything else flows.</summary>
    private static void Paragraphs(ReportCanvas canvas, List<StyledText> pieces, double indent)
    {
        var line = new List<StyledText>();
        foreach (var piece in pieces.Append(new StyledText("\n", TextStyle.Body)))
        {
            if (piece.Text != "\n")
            {
                line.Add(piece);
                continue;
            }
            if (line.Any(p => p.Text.Length > 0))
            {
                canvas.Paragraph(line, indent, ownDirection: true);
            }
            line = [];
        }
    }

    private static List<StyledText> Inlines(ContainerInline? container, TextStyle style)
    {
        var pieces = new List<StyledText>();
        if (container is null)
        {
            return pieces;
        }
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    pieces.Add(new StyledText(literal.Content.ToString(), style));
                    break;
                case CodeInline code:
                    pieces.Add(new StyledText(code.Content, style));
                    break;
                case AutolinkInline autolink:
                    pieces.Add(new StyledText(autolink.Url, style));
                    break;
                case LineBreakInline lineBreak:
                    pieces.Add(new StyledText(lineBreak.IsHard ? "\n" : " ", style));
                    break;
                case EmphasisInline emphasis: // ** and __ bold, * and _ italic; the extras (~~, ^, ~) as plain text
                    var marked = emphasis.DelimiterChar is '*' or '_';
                    pieces.AddRange(Inlines(emphasis, style.WithEmphasis(bold: marked && emphasis.DelimiterCount >= 2, italic: marked && emphasis.DelimiterCount == 1)));
                    break;
                case ContainerInline nested: // links: their text
                    pieces.AddRange(Inlines(nested, style));
                    break;
            }
        }
        return pieces;
    }
}
