using System.Globalization;
using System.Text;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Reports.Pdf;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>The report PDF as a reader gets it: read back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm).</summary>
public sealed class SessionReportPdfTests(ReportPdfHost host, ITestOutputHelper output) : IClassFixture<ReportPdfHost>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private string Render(SessionReport report, ReportPaper paper, string culture, string name)
    {
        var path = Path.Combine(host.Artifacts, $"{name}.pdf");
        using (var file = File.Create(path))
        {
            host.Renderer.Render(report, paper, CultureInfo.GetCultureInfo(culture), Paris, file);
        }
        output.WriteLine($"PDF: {path}");
        return path;
    }

    [Fact]
    public void Experiment()
    {
        var pdf = Render(SampleReports.Build(30), ReportPaper.A4, "ar", "experiment-ar");
        output.WriteLine(Poppler.Text(pdf, 1));
        output.WriteLine(Poppler.Info(pdf));
        output.WriteLine(Poppler.Fonts(pdf));
        output.WriteLine(Poppler.FirstPageAsPng(pdf, Path.Combine(host.Artifacts, "experiment-ar")));
        Assert.Fail("look");
    }
}
