namespace Sessions.Web.Features.Sessions;

/// <summary>Changes to make to one scheduled session, as it was read.</summary>
internal sealed record SessionEdit(SessionSummary Current, SessionChanges Changes);
