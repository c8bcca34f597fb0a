namespace Sessions.Web.Features.Reports;

/// <summary>
/// The educator's own text about one completed session (sanitized Markdown, <see cref="ReportMarkdown"/>) and whether its
/// students may read it; one row per session, written over by each save.
/// </summary>
public sealed class SessionReportNote
{
    public Guid SessionId { get; set; }
    public required string Summary { get; set; }
    public required string Recommendations { get; set; }
    public bool ShareWithStudents { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Who saved it last; null once that account is gone.</summary>
    public string? UpdatedById { get; set; }
}
