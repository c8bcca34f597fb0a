namespace Sessions.Web.Features.Video.Components;

/// <summary>The resource class of the room's texts.</summary>
public sealed class VideoText;
