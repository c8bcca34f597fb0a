using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Reports.Pdf;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>
/// The report PDF as a reader gets it, read back with poppler: pdftotext puts right-to-left text back in logical order,
/// so an Arabic name is found only if it was shaped (presentation forms, normalized back by NFKC) and drawn in visual order.
/// </summary>
public sealed partial class SessionReportPdfTests(ReportPdfHost host, ITestOutputHelper output) : IClassFixture<ReportPdfHost>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The paper and the size pdfinfo reports for it, in points.</summary>
    public static TheoryData<ReportPaper, string> Papers() => new()
    {
        { ReportPaper.A4, "595 x 842 pts" },
        { ReportPaper.Letter, "612 x 792 pts" },
    };

    [Theory]
    [MemberData(nameof(Papers))]
    public void An_English_report_has_every_name_and_figure_on_the_paper_asked_for(ReportPaper paper, string size)
    {
        var report = SampleReports.Build(30);
        var pdf = Render(report, paper, "en", $"report-en-{paper}");

        Assert.Contains($"Page size:       {size}", Poppler.Info(pdf), StringComparison.Ordinal);
        var text = Text(pdf);
        Assert.DoesNotContain(report.Students, student => !Squeezed(text).Contains(Squeezed(student.DisplayName), StringComparison.Ordinal));
        Assert.Contains("Algebra: quadratic equations", text, StringComparison.Ordinal);
        Assert.Contains("Educator: Dr. Layla Haddad", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 1 December, 10:00–11:00", text, StringComparison.Ordinal); // 09:00 UTC in Paris
        Assert.Contains("10:07–11:02", text, StringComparison.Ordinal);
        Assert.Contains("7 min late", text, StringComparison.Ordinal);
        Assert.Contains("55 min", text, StringComparison.Ordinal);
        Assert.Matches(@"Enrolled\s+Attended\s+Absent\s+30\s+26\s+4", text);
        Assert.Contains("Absent: 李华, Student 14, Student 21, Student 28", text, StringComparison.Ordinal);
        Assert.Contains("Approved ratings: 4", text, StringComparison.Ordinal);
        Assert.Contains("4.3 / 5", text, StringComparison.Ordinal); // overall 4.25
        Assert.Contains("I can't hear the teacher (issue 1)", text, StringComparison.Ordinal);
        Assert.Contains("Revise completing the square.", text, StringComparison.Ordinal); // Markdown drawn as text
        Assert.Contains("See the worksheet.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        var pages = PageCount(pdf);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_row_carries_minutes_joins_punctuality_and_messages()
    {
        var pdf = Render(SampleReports.Build(30), ReportPaper.A4, "en", "report-en-rows");
        var text = Poppler.Text(pdf, layout: true);
        // index 3: late (not punctual), 43 min, one join, 3 messages; index 4: reconnected, two joins, 50 min
        Assert.Matches(@"Alice Martin\s+43\s+1\s+no\s+3", text);
        Assert.Matches(@"فاطمة الزهراء\s+50\s+2\s+yes\s+4", Logical(text));
        Assert.Matches(@"李华\s+absent\s+0\s+–\s+0", text);
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void An_Arabic_report_is_shaped_and_read_right_to_left(ReportPaper paper, string size)
    {
        var report = SampleReports.Build(30);
        var pdf = Render(report, paper, "ar", $"report-ar-{paper}");

        Assert.Contains($"Page size:       {size}", Poppler.Info(pdf), StringComparison.Ordinal);
        var raw = Poppler.Text(pdf);
        Assert.Contains('\uFEE3', raw); // drawn as presentation forms (initial meem), not as unjoined letters
        var text = Logical(raw);
        // pdftotext gives each Arabic word back in reading order (it reverses what is drawn right to left), but lumps
        // neutrals (spaces, colons) with the neighbouring Latin run; the names and figures are compared without spaces.
        Assert.DoesNotContain(report.Students, student => !Squeezed(text).Contains(Squeezed(student.DisplayName), StringComparison.Ordinal));
        Assert.Contains("محمد عبد الله", text, StringComparison.Ordinal);
        Assert.Contains("Grade 10 B (Mathematics)", text, StringComparison.Ordinal);
        Assert.Contains("متأخر٧دقيقة", Squeezed(text), StringComparison.Ordinal);
        Assert.Contains("٥٥دقيقة", Squeezed(text), StringComparison.Ordinal);
        Assert.Contains("الغائبون", text, StringComparison.Ordinal);
        Assert.Contains("لا أستطيع سماع الصوت", text, StringComparison.Ordinal); // lam-alef ligatures read back as two letters
        var pages = PageCount(pdf);
        Assert.Contains($"الصفحة{Arabic(1)}من{Arabic(pages)}", Squeezed(text), StringComparison.Ordinal);
        output.WriteLine($"page 1: {Poppler.FirstPageAsPng(pdf, Path.Combine(host.Artifacts, $"report-ar-{paper}-page1"))}");
    }

    [Fact]
    public void The_fonts_are_embedded_and_CJK_names_come_from_the_fallback()
    {
        var pdf = Render(SampleReports.Build(30), ReportPaper.A4, "en", "report-en-fonts");
        var fonts = Poppler.Fonts(pdf).Split('\n').Skip(2).Where(line => line.Length > 0).ToList();

        Assert.Contains(fonts, line => FontName(line) == "DejaVu Sans");
        Assert.Contains(fonts, line => FontName(line) == "DejaVu Sans,Bold");
        Assert.Contains(fonts, line => FontName(line) == "Droid Sans Fallback");
        Assert.All(fonts, line => Assert.Matches(@"Identity-H\s+yes\s+\S+\s+yes", line)); // embedded, with a ToUnicode map
    }

    [Fact]
    public void Two_hundred_students_run_over_pages_with_the_table_header_on_each()
    {
        var pdf = Render(SampleReports.Build(200, issues: 20, narrativeParagraphs: 12), ReportPaper.A4, "en", "report-en-200");
        var pages = PageCount(pdf);
        var texts = Enumerable.Range(1, pages).Select(page => Poppler.Text(pdf, page, layout: true)).ToList(); // rows as lines
        var tableStart = texts.FindIndex(t => StudentHeader().IsMatch(t));
        var tableEnd = texts.FindIndex(tableStart, t => t.Contains("Student 200", StringComparison.Ordinal)); // the last row

        Assert.Matches(@"(^|\n)\s*Students\s*\n", texts[tableStart]); // the heading stays with its table
        Assert.True(tableEnd - tableStart >= 2, $"the table spans pages {tableStart + 1}–{tableEnd + 1} of {pages}");
        Assert.All(texts[tableStart..(tableEnd + 1)], text => Assert.Matches(StudentHeader(), text));
        Assert.Contains($"Page {pages} of {pages}", texts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Page_one_is_kept_as_a_picture_for_people_to_look_at()
    {
        var pdf = Render(SampleReports.Build(30), ReportPaper.A4, "ar", "report-ar-page1");
        var png = Poppler.FirstPageAsPng(pdf, Path.Combine(host.Artifacts, "report-ar-a4-page1"));

        output.WriteLine($"PNG: {png}");
        Assert.True(new FileInfo(png).Length > 20_000, "page 1 rendered to an almost empty picture");
    }

    [Fact]
    public void Rendering_leaves_the_caller_s_culture_as_it_was()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        host.Renderer.Render(SampleReports.Build(3), ReportPaper.A4, CultureInfo.GetCultureInfo("ar"), Paris, Stream.Null);
        Assert.Equal(before, (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
    }

    private string Render(SessionReport report, ReportPaper paper, string culture, string name)
    {
        var path = Path.Combine(host.Artifacts, $"{name}.pdf");
        using (var file = File.Create(path))
        {
            host.Renderer.Render(report, paper, CultureInfo.GetCultureInfo(culture), Paris, file);
        }
        return path;
    }

    private static string Text(string pdf, int? page = null) => Logical(Poppler.Text(pdf, page));

    /// <summary>pdftotext's text without its bidi controls, presentation forms normalized back to letters (NFKC).</summary>
    private static string Logical(string text) => BidiControls().Replace(text, "").Normalize(NormalizationForm.FormKC);

    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    private static int PageCount(string pdf) => int.Parse(PagesLine().Match(Poppler.Info(pdf)).Groups[1].Value, CultureInfo.InvariantCulture);

    private static string Arabic(int number) => string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(d => (char)('\u0660' + d - '0')));

    private static string FontName(string pdffontsLine) => FontColumn().Match(pdffontsLine).Groups[1].Value.Trim();

    [GeneratedRegex("[\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiControls();

    [GeneratedRegex(@"Student\s+Minutes\s+Joins\s+Punctual\s+Messages")]
    private static partial Regex StudentHeader();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^[A-Z]{6}\+(.*?)\s{2,}CID")]
    private static partial Regex FontColumn();
}
