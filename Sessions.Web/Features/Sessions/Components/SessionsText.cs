namespace Sessions.Web.Features.Sessions.Components;

/// <summary>The resource class of the session pages' texts: the dashboard, its cards and the schedule, cancel and end dialogs.</summary>
public sealed class SessionsText;
