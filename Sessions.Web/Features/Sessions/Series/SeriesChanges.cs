namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// Changes to a series' scheduled sessions from <see cref="FromSessionId"/> on; a null member stays as it is.
/// <see cref="StartTime"/> moves each to that time of day on its own date, on the educator's wall clock.
/// </summary>
public sealed record SeriesChanges(Guid FromSessionId, string? Title = null, string? Description = null, int? DurationMinutes = null,
    TimeOnly? StartTime = null);
