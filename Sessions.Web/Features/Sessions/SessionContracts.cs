using System.ComponentModel.DataAnnotations;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>Body of the mobile apps' <c>POST /sessions/start</c> (api-version 6).</summary>
public sealed record MobileStartRequest([property: Required] string? EducatorId, [property: Required] Guid? SessionId);

/// <summary>Reply of the mobile contract; the first four fields are what version 6 apps read.</summary>
public sealed record MobileStartResponse(
    DateTimeOffset ActualStartDate,
    string RtcToken,
    string RtmToken,
    Guid SessionId,
    long StartedSessionDuration,
    string ChannelName,
    uint RtcUid,
    string AppId)
{
    public static MobileStartResponse From(StartedSession started) => new(
        ApiTime.Utc(started.ActualStartUtc),
        started.Tokens.RtcToken,
        started.Tokens.RtmToken,
        started.Session.Id,
        (long)started.Elapsed.TotalSeconds,
        started.Tokens.ChannelName,
        started.Tokens.RtcUid,
        started.Tokens.AppId);
}

/// <summary>A session as the portal API shows it (camelCase, no envelope, like every resource but the two fixed contracts).</summary>
public sealed record SessionDto(
    Guid Id,
    string Title,
    string? Description,
    string Status,
    string Type,
    DateTimeOffset ScheduledStartTime,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Duration,
    DateTimeOffset? WrapUpEndsAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    SessionSettingsDto Settings,
    SessionClassDto Class,
    SessionHostDto Host)
{
    public static SessionDto From(SessionSummary s) => new(
        s.Id, s.Title, s.Description, WireNames.Of(s.Status), WireNames.Of(s.Type),
        ApiTime.Utc(s.ScheduledStartUtc), ApiTime.Utc(s.ActualStartUtc), ApiTime.Utc(s.ActualEndUtc), s.DurationMinutes,
        ApiTime.Utc(s.WrapUpEndsUtc), ApiTime.Utc(s.CancelledUtc), s.CancellationReason,
        SessionSettingsDto.From(s.Overrides, s.Settings),
        new SessionClassDto(s.ClassId, s.ClassName, s.ClassSubject, s.EnrolledCount),
        new SessionHostDto(s.EducatorId, s.EducatorName));
}

/// <summary>The session's own overrides (null: the class default applies) and the values it runs with.</summary>
public sealed record SessionSettingsDto(
    bool? ChatEnabled,
    int? MaxParticipants,
    bool? StudentMediaEnabled,
    bool? RecordingEnabled,
    bool EffectiveChatEnabled,
    int EffectiveMaxParticipants,
    bool EffectiveStudentMediaEnabled,
    bool EffectiveRecordingEnabled)
{
    public static SessionSettingsDto From(SessionSettingOverrides overrides, SessionSettings effective) => new(
        overrides.ChatEnabled, overrides.MaxParticipants, overrides.StudentMediaEnabled, overrides.RecordingEnabled,
        effective.ChatEnabled, effective.MaxParticipants, effective.StudentMediaEnabled, effective.RecordingEnabled);
}

public sealed record SessionClassDto(int Id, string Name, string Subject, int EnrolledCount);

public sealed record SessionHostDto(string Id, string DisplayName);
