using System.Globalization;

namespace Sessions.Web.Features.Reports.Components;

/// <summary>Where a session's report is read and downloaded: the page, and the CSV and PDF the page links to (cookie-authenticated downloads).</summary>
public static class ReportLinks
{
    /// <summary>The PDF's paper sizes, as the <c>paper</c> query parameter names them.</summary>
    public const string A4 = "a4";
    public const string Letter = "letter";

    public static string Page(Guid sessionId) => $"/sessions/{sessionId}/report";

    public static string Csv(Guid sessionId) => $"/api/sessions/{sessionId}/report.csv";

    public static string Pdf(Guid sessionId, string paper) => string.Create(CultureInfo.InvariantCulture, $"/api/sessions/{sessionId}/report.pdf?paper={paper}");

    /// <summary>The file name a download is saved under.</summary>
    public static string FileName(Guid sessionId, string extension) => $"session-report-{sessionId}.{extension}";
}
