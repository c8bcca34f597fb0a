using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Reports;

/// <summary>The report's own refusals (membership and a session not completed are <c>SessionErrors</c>'s).</summary>
public static class ReportErrors
{
    public static readonly ServiceError UnknownPaper =
        ServiceError.Validation("paper", FieldMessage.Of("report_paper_unknown", "paper must be a4 or letter."));
}
