namespace Sessions.Web.Features.Sessions;

/// <summary>
/// A session to book, from the dashboard or <c>POST /api/sessions</c>. <paramref name="StartUtc"/> is already converted
/// from the educator's wall clock (or the API's offset); instant sessions have none: they start now.
/// </summary>
public sealed record NewSession(
    int ClassId,
    SessionType Type,
    string? Title,
    string? Description,
    DateTime? StartUtc,
    int DurationMinutes,
    SessionSettingOverrides? Settings = null);

/// <summary>
/// Changes to a scheduled session; a null member stays as it is. An empty description clears it; settings, when
/// given, replace the session's overrides as a whole.
/// </summary>
public sealed record SessionChanges(
    string? Title = null,
    string? Description = null,
    DateTime? StartUtc = null,
    int? DurationMinutes = null,
    SessionSettingOverrides? Settings = null);
