namespace Sessions.Web.Features.Reports.Components;

/// <summary>The resource class of the session report's texts: the report view, its charts and the educator's text editor.</summary>
public sealed class ReportText;
