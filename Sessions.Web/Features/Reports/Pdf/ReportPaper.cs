namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>The paper a report PDF is laid out for (<c>?paper=a4|letter</c>).</summary>
public enum ReportPaper
{
    A4,
    Letter,
}
