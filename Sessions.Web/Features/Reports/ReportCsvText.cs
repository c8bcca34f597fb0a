namespace Sessions.Web.Features.Reports;

/// <summary>The resource class of the session report CSV's header row.</summary>
public sealed class ReportCsvText;
