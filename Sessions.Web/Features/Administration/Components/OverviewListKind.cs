namespace Sessions.Web.Features.Administration.Components;

/// <summary>Which list of the school overview a section shows: what its status column says, and whether its sessions can be ended.</summary>
public enum OverviewListKind
{
    Live,
    StartingSoon,
    Missed,
}
