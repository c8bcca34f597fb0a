namespace Sessions.Web.Features.Reports.Components;

/// <summary>What the educator asks to save: the body of <c>PUT /api/sessions/{id}/report</c>, as Markdown typed (the service sanitizes it).</summary>
public sealed record ReportNarrativeDraft(string Summary, string Recommendations, bool ShareWithStudents);
