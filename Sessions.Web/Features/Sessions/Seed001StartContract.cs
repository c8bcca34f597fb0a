using System.Text.Json.Serialization;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

// The reply of POST /api/sessions/{id}/start, fixed by seed 001: { success, data: { session, agora, started_session_duration },
// timestamp } with snake_case members. These types are frozen on purpose and used by that endpoint only: they do not share
// the portal's SessionDto, so the one dialect (camelCase, no envelope) cannot leak into this contract, nor it into the dialect.
// FixedContractTests pins every member.

public sealed record Seed001StartEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data")] Seed001StartedSession Data,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp)
{
    public static Seed001StartEnvelope From(StartedSession started, DateTimeOffset now) => new(true, Seed001StartedSession.From(started), now);
}

public sealed record Seed001StartedSession(
    [property: JsonPropertyName("session")] Seed001Session Session,
    [property: JsonPropertyName("agora")] Seed001Agora Agora,
    [property: JsonPropertyName("started_session_duration")] long StartedSessionDuration)
{
    public static Seed001StartedSession From(StartedSession started) =>
        new(Seed001Session.From(started.Session), Seed001Agora.From(started.Tokens), (long)started.Elapsed.TotalSeconds);
}

public sealed record Seed001Session(
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
    [property: JsonPropertyName("settings")] Seed001SessionSettings Settings,
    [property: JsonPropertyName("class")] Seed001SessionClass Class,
    [property: JsonPropertyName("host")] Seed001SessionHost Host)
{
    // Read from the summary itself, not through SessionDto: a change to the portal's session cannot reach this contract.
    public static Seed001Session From(SessionSummary s) => new(
        s.Id, s.Title, s.Description, WireNames.Of(s.Status), WireNames.Of(s.Type),
        ApiTime.Utc(s.ScheduledStartUtc), ApiTime.Utc(s.ActualStartUtc), ApiTime.Utc(s.ActualEndUtc), s.DurationMinutes,
        ApiTime.Utc(s.WrapUpEndsUtc), ApiTime.Utc(s.CancelledUtc), s.CancellationReason,
        new(s.Overrides.ChatEnabled, s.Overrides.MaxParticipants, s.Overrides.StudentMediaEnabled, s.Overrides.RecordingEnabled,
            s.Settings.ChatEnabled, s.Settings.MaxParticipants, s.Settings.StudentMediaEnabled, s.Settings.RecordingEnabled),
        new(s.ClassId, s.ClassName, s.ClassSubject, s.EnrolledCount),
        new(s.EducatorId, s.EducatorName));
}

public sealed record Seed001SessionSettings(
    [property: JsonPropertyName("chat_enabled")] bool? ChatEnabled,
    [property: JsonPropertyName("max_participants")] int? MaxParticipants,
    [property: JsonPropertyName("student_media_enabled")] bool? StudentMediaEnabled,
    [property: JsonPropertyName("recording_enabled")] bool? RecordingEnabled,
    [property: JsonPropertyName("effective_chat_enabled")] bool EffectiveChatEnabled,
    [property: JsonPropertyName("effective_max_participants")] int EffectiveMaxParticipants,
    [property: JsonPropertyName("effective_student_media_enabled")] bool EffectiveStudentMediaEnabled,
    [property: JsonPropertyName("effective_recording_enabled")] bool EffectiveRecordingEnabled);

public sealed record Seed001SessionClass(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("enrolled_count")] int EnrolledCount);

public sealed record Seed001SessionHost(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("display_name")] string DisplayName);

public sealed record Seed001Agora(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("rtc_uid")] uint RtcUid,
    [property: JsonPropertyName("rtc_token")] string RtcToken,
    [property: JsonPropertyName("rtm_token")] string RtmToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt)
{
    public static Seed001Agora From(RoomTokens t) =>
        new(t.AppId, t.ChannelName, t.RtcUid, t.RtcToken, t.RtmToken, ApiTime.Utc(t.ExpiresAtUtc));
}
