using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Reports.Pdf;

public static class ReportPdfSetup
{
    /// <summary>
    /// The report PDF renderer: its fonts (<see cref="ReportFontOptions"/>, checked at start) and PDFsharp's process-wide
    /// font resolver, installed when the renderer is first built.
    /// </summary>
    public static IServiceCollection AddReportPdf(this IServiceCollection services)
    {
        services.AddOptions<ReportFontOptions>().BindConfiguration(ReportFontOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => ReportFontResolver.Install(provider.GetRequiredService<IOptions<ReportFontOptions>>().Value));
        services.AddSingleton<SessionReportPdf>();
        return services;
    }
}
