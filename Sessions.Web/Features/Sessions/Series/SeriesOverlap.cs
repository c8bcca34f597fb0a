namespace Sessions.Web.Features.Sessions.Series;

/// <summary>An occurrence starting at <see cref="OccurrenceStartUtc"/> overlaps the class's session <see cref="SessionId"/>.</summary>
public sealed record SeriesOverlap(Guid SessionId, DateTime OccurrenceStartUtc);
