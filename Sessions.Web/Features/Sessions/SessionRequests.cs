namespace Sessions.Web.Features.Sessions;

/// <summary>A session booked ahead; <paramref name="StartUtc"/> is already converted from the educator's wall clock.</summary>
public sealed record ScheduleSessionRequest(int ClassId, string Title, string? Description, DateTime StartUtc, int DurationMinutes);

/// <summary>A session created and started in one step.</summary>
public sealed record InstantSessionRequest(int ClassId, string Title, string? Description, int DurationMinutes);
