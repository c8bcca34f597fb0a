using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Sessions.Web.Features.Video;

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

/// <summary>The portal API's envelope: <c>{ success, data, timestamp }</c>.</summary>
public sealed record ApiEnvelope<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data")] T Data,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp);

public sealed record SessionDto(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("scheduled_start_time")] DateTimeOffset ScheduledStartTime,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("ended_at")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("duration")] int Duration,
    [property: JsonPropertyName("wrap_up_ends_at")] DateTimeOffset? WrapUpEndsAt,
    [property: JsonPropertyName("cancelled_at")] DateTimeOffset? CancelledAt,
    [property: JsonPropertyName("cancellation_reason")] string? CancellationReason,
    [property: JsonPropertyName("settings")] SessionSettingsDto Settings,
    [property: JsonPropertyName("class")] SessionClassDto Class,
    [property: JsonPropertyName("host")] SessionHostDto Host)
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
    [property: JsonPropertyName("chat_enabled")] bool? ChatEnabled,
    [property: JsonPropertyName("max_participants")] int? MaxParticipants,
    [property: JsonPropertyName("student_media_enabled")] bool? StudentMediaEnabled,
    [property: JsonPropertyName("recording_enabled")] bool? RecordingEnabled,
    [property: JsonPropertyName("effective_chat_enabled")] bool EffectiveChatEnabled,
    [property: JsonPropertyName("effective_max_participants")] int EffectiveMaxParticipants,
    [property: JsonPropertyName("effective_student_media_enabled")] bool EffectiveStudentMediaEnabled,
    [property: JsonPropertyName("effective_recording_enabled")] bool EffectiveRecordingEnabled)
{
    public static SessionSettingsDto From(SessionSettingOverrides overrides, SessionSettings effective) => new(
        overrides.ChatEnabled, overrides.MaxParticipants, overrides.StudentMediaEnabled, overrides.RecordingEnabled,
        effective.ChatEnabled, effective.MaxParticipants, effective.StudentMediaEnabled, effective.RecordingEnabled);
}

public sealed record SessionClassDto(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("enrolled_count")] int EnrolledCount);

public sealed record SessionHostDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("display_name")] string DisplayName);

public sealed record AgoraDto(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("rtc_uid")] uint RtcUid,
    [property: JsonPropertyName("rtc_token")] string RtcToken,
    [property: JsonPropertyName("rtm_token")] string RtmToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt)
{
    public static AgoraDto From(RoomTokens t) =>
        new(t.AppId, t.ChannelName, t.RtcUid, t.RtcToken, t.RtmToken, ApiTime.Utc(t.ExpiresAtUtc));
}

public sealed record StartedSessionDto(
    [property: JsonPropertyName("session")] SessionDto Session,
    [property: JsonPropertyName("agora")] AgoraDto Agora,
    [property: JsonPropertyName("started_session_duration")] long StartedSessionDuration)
{
    public static StartedSessionDto From(StartedSession started) =>
        new(SessionDto.From(started.Session), AgoraDto.From(started.Tokens), (long)started.Elapsed.TotalSeconds);
}

/// <summary>A page of a list: <c>{ success, data, pagination, timestamp }</c>.</summary>
public sealed record ApiPage<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data")] IReadOnlyList<T> Data,
    [property: JsonPropertyName("pagination")] PageInfo Pagination,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp);

public sealed record PageInfo(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages)
{
    public static PageInfo Of(int page, int pageSize, int totalItems) =>
        new(page, pageSize, totalItems, (totalItems + pageSize - 1) / pageSize);
}
