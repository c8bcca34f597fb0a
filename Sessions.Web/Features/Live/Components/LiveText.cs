namespace Sessions.Web.Features.Live.Components;

/// <summary>The resource class of the join card's texts.</summary>
public sealed class LiveText;
