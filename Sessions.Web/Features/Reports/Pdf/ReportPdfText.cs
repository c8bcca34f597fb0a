namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>The resource class of the report PDF's labels (<c>ReportPdfText.resx</c> in English, <c>ReportPdfText.ar.resx</c> in Arabic).</summary>
public sealed class ReportPdfText;
