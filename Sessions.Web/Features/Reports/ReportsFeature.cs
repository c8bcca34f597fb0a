using Sessions.Web.Features.Reports.Pdf;

namespace Sessions.Web.Features.Reports;

public static class ReportsFeature
{
    public static IHostApplicationBuilder AddReportsFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SessionReports>();
        builder.Services.AddReportPdf();
        return builder;
    }
}
