using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Reports.Pdf;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>
/// A host with the renderer's own registration (<see cref="ReportPdfSetup.AddReportPdf"/>) and the portal's localization,
/// started so that its options are validated as the app's are. Writes its PDFs and PNGs under TestResults.
/// </summary>
public sealed class ReportPdfHost : IAsyncLifetime
{
    private IHost? _host;

    public static IHost Build(params KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<DisplayFormat>();
        builder.Services.AddReportPdf();
        return builder.Build();
    }

    public SessionReportPdf Renderer => _host!.Services.GetRequiredService<SessionReportPdf>();

    /// <summary>TestResults/Sessions.Web.Tests/report-pdf in the repository.</summary>
    public string Artifacts { get; } = Path.Combine(PortalProcess.RepositoryRoot(), "TestResults", "Sessions.Web.Tests", "report-pdf");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        _host = Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host!.StopAsync();
        _host.Dispose();
    }
}
