using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Reports.Pdf;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Tests.Features.Reports.Pdf;

namespace Sessions.Benchmarks;

/// <summary>
/// The session report PDF (docs/performance.md, "Session report PDF (issue #18)"): a 200-student report with 20 issues and
/// a long narrative, rendered by the renderer the app registers, one render after another on one thread, after warm-up.
/// Time is wall clock per render; memory is what the render allocated (<see cref="GC.GetAllocatedBytesForCurrentThread"/>).
/// </summary>
internal static class ReportPdfTiming
{
    private const int WarmUp = 5;

    public static void Run(int runs, string culture)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<DisplayFormat>();
        builder.Services.AddReportPdf();
        using var host = builder.Build();
        var renderer = host.Services.GetRequiredService<SessionReportPdf>();
        var report = SampleReports.Build(200, issues: 20, narrativeParagraphs: 24);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        var samples = new List<(double Milliseconds, long Allocated, long Bytes)>();
        for (var i = 0; i < WarmUp + runs; i++)
        {
            using var output = new MemoryStream();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            renderer.Render(report, ReportPaper.A4, cultureInfo, zone, output);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (i >= WarmUp)
            {
                samples.Add((elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated, output.Length));
            }
        }
        var times = samples.Select(s => s.Milliseconds).Order().ToList();
        var memory = samples.Select(s => s.Allocated).Order().ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            culture,
            students = report.Students.Count,
            issues = report.Issues.Count,
            narrativeChars = report.Narrative.Summary.Length + report.Narrative.Recommendations.Length,
            runs,
            p50Ms = Math.Round(Percentile(times, 0.50), 1),
            p99Ms = Math.Round(Percentile(times, 0.99), 1),
            maxMs = Math.Round(times[^1], 1),
            allocatedMbP50 = Math.Round(Percentile(memory.Select(m => (double)m).ToList(), 0.50) / 1e6, 1),
            allocatedMbMax = Math.Round(memory[^1] / 1e6, 1),
            pdfKb = samples[0].Bytes / 1024,
        }));
    }

    /// <summary>Nearest rank: with 30 runs, p99 is the slowest.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
