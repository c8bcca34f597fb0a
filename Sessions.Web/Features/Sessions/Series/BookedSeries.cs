namespace Sessions.Web.Features.Sessions.Series;

/// <summary>A series as booked: its sessions in order of their start, and the other sessions of the class they overlap.</summary>
public sealed record BookedSeries(Guid SeriesId, IReadOnlyList<SessionSummary> Occurrences, IReadOnlyList<SeriesOverlap> Overlaps);
