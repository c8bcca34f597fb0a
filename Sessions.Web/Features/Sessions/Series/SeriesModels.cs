namespace Sessions.Web.Features.Sessions.Series;

/// <summary>A series as booked: its sessions in order of their start, and the other sessions of the class they overlap.</summary>
public sealed record BookedSeries(Guid SeriesId, IReadOnlyList<SessionSummary> Occurrences, IReadOnlyList<SeriesOverlap> Overlaps);

/// <summary>An occurrence starting at <see cref="OccurrenceStartUtc"/> overlaps the class's session <see cref="SessionId"/>.</summary>
public sealed record SeriesOverlap(Guid SessionId, DateTime OccurrenceStartUtc);

/// <summary>
/// Changes to a series' scheduled sessions from <see cref="FromSessionId"/> on; a null member stays as it is.
/// <see cref="StartTime"/> moves each to that time of day on its own date, on the educator's wall clock.
/// </summary>
public sealed record SeriesChanges(Guid FromSessionId, string? Title = null, string? Description = null, int? DurationMinutes = null,
    TimeOnly? StartTime = null);
