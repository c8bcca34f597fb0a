namespace Sessions.Web.Features.Sessions.Components;

/// <summary>How a weekly series ends: on a date, or after a number of sessions.</summary>
public enum RepeatEnd
{
    Until,
    Count,
}
