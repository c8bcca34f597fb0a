namespace Sessions.Web.Features.Administration.Audit;

/// <summary>The stable names of the recorded actions, as the API and the audit page show them.</summary>
public static class AuditActions
{
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string PasswordLinkIssued = "user.password_link_issued";
    public const string ClassCreated = "class.created";
    public const string ClassUpdated = "class.updated";
    public const string ClassArchived = "class.archived";
    public const string StudentEnrolled = "class.student_enrolled";
    public const string StudentRemoved = "class.student_removed";
    public const string ClassCoEducatorAdded = "class.co_educator_added";
    public const string ClassCoEducatorRemoved = "class.co_educator_removed";
    public const string RosterImported = "roster.imported";
    public const string RatingApproved = "rating.approved";
    public const string RatingRejected = "rating.rejected";
    public const string ReportSaved = "report.saved";
}
