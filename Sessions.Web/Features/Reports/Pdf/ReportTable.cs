using PdfSharp.Drawing;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>One column: its header, its share of the free width (0 = fixed <see cref="Width"/>), and numbers align to the end.</summary>
public sealed record ReportColumn(string Header, double Width = 0, bool Numeric = false);

/// <summary>
/// A table that flows over pages: rows never split, and the header row is drawn again at the top of every page the
/// table continues on. Columns run in reading order (right to left in Arabic) through <see cref="ReportCanvas"/>.
/// </summary>
public sealed class ReportTable
{
    private const double Padding = 3;
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(232, 237, 245));
    private static readonly XBrush StripeFill = new XSolidBrush(XColor.FromArgb(246, 247, 249));

    private readonly ReportCanvas _canvas;
    private readonly IReadOnlyList<ReportColumn> _columns;
    private readonly (double Offset, double Width)[] _boxes;
    private int _rows;

    public ReportTable(ReportCanvas canvas, IReadOnlyList<ReportColumn> columns)
    {
        _canvas = canvas;
        _columns = columns;
        var fixedWidth = columns.Where(c => c.Width > 1).Sum(c => c.Width);
        var shares = columns.Where(c => c.Width <= 1).Sum(c => c.Width == 0 ? 1 : c.Width);
        var offset = 0.0;
        _boxes = [.. columns.Select(column =>
        {
            var width = column.Width > 1 ? column.Width : (canvas.Width - fixedWidth) * (column.Width == 0 ? 1 : column.Width) / shares;
            var box = (offset, width);
            offset += width;
            return box;
        })];
        _canvas.Reserve(2 * (TextStyle.Header.LineHeight + 2 * Padding));
        Header();
    }

    /// <summary>One row; a cell's text wraps within its column, and the row moves whole to the next page if it must.</summary>
    public void Row(params string[] cells)
    {
        var lines = cells.Select((cell, i) => _canvas.Text.Wrap([new StyledText(cell, TextStyle.Body)], _boxes[i].Width - 2 * Padding)).ToArray();
        var height = lines.Max(l => Math.Max(1, l.Count)) * TextStyle.Body.LineHeight + 2 * Padding;
        if (_canvas.Reserve(height))
        {
            Header();
        }
        if (_rows++ % 2 == 1)
        {
            _canvas.Graphics.DrawRectangle(StripeFill, _canvas.PageX(0, _canvas.Width), _canvas.Y, _canvas.Width, height);
        }
        Cells(lines, TextStyle.Body, height);
    }

    private void Header()
    {
        var lines = _columns.Select((c, i) => _canvas.Text.Wrap([new StyledText(c.Header, TextStyle.Header)], _boxes[i].Width - 2 * Padding)).ToArray();
        var height = lines.Max(l => l.Count) * TextStyle.Header.LineHeight + 2 * Padding;
        _canvas.Graphics.DrawRectangle(HeaderFill, _canvas.PageX(0, _canvas.Width), _canvas.Y, _canvas.Width, height);
        Cells(lines, TextStyle.Header, height);
    }

    private void Cells(List<IReadOnlyList<TextRun>>[] lines, TextStyle style, double height)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var baseline = _canvas.Y + Padding + style.Size;
            foreach (var line in lines[i])
            {
                _canvas.Draw(line, _boxes[i].Offset + Padding, _boxes[i].Width - 2 * Padding, baseline, alignEnd: _columns[i].Numeric);
                baseline += style.LineHeight;
            }
        }
        _canvas.Y += height;
        _canvas.Graphics.DrawLine(new XPen(XColors.Gainsboro, 0.4), _canvas.PageX(0, _canvas.Width), _canvas.Y, _canvas.PageX(0, _canvas.Width) + _canvas.Width, _canvas.Y);
    }
}
