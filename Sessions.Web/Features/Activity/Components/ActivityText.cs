namespace Sessions.Web.Features.Activity.Components;

/// <summary>The resource class of the activity log's texts: the timeline page and the names of the kinds of entry.</summary>
public sealed class ActivityText;
