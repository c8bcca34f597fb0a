namespace Sessions.Web.Features.Administration.Components;

/// <summary>The resource class of the administration pages' texts: overview, accounts, classes, audit trail and roster import.</summary>
public sealed class AdministrationText;
