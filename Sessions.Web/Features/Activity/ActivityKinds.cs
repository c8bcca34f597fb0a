using System.Text.Json.Serialization;

namespace Sessions.Web.Features.Activity;

/// <summary>The stable names of what a session's log records, as stored and as the API answers them.</summary>
public static class ActivityKinds
{
    public const string SessionScheduled = "session_scheduled";
    public const string SessionUpdated = "session_updated";
    public const string SessionCancelled = "session_cancelled";
    public const string SessionStarted = "session_started";
    public const string WrapUpBegun = "wrap_up_begun";
    public const string SessionExtended = "session_extended";
    public const string SessionEnded = "session_ended";
    public const string ParticipantJoined = "participant_joined";
    public const string ParticipantLeft = "participant_left";
    public const string JoinRefused = "join_refused";
    public const string TokenRenewed = "token_renewed";
    public const string ChatMessagePosted = "chat_message_posted";
    public const string ChatMessageDeleted = "chat_message_deleted";
    public const string CameraOn = "camera_on";
    public const string CameraOff = "camera_off";
    public const string MicrophoneOn = "microphone_on";
    public const string MicrophoneOff = "microphone_off";
    public const string Note = "note";
    public const string Issue = "issue";

    public static readonly IReadOnlyList<string> All =
    [
        SessionScheduled, SessionUpdated, SessionCancelled, SessionStarted, WrapUpBegun, SessionExtended, SessionEnded, ParticipantJoined,
        ParticipantLeft, JoinRefused, TokenRenewed, ChatMessagePosted, ChatMessageDeleted, CameraOn, CameraOff, MicrophoneOn,
        MicrophoneOff, Note, Issue,
    ];
}

/// <summary>What an entry of one kind records: its record is the entry's <c>data</c>, camelCase.</summary>
/// <remarks>Each override repeats <c>[JsonIgnore]</c>: the serializer does not inherit it from the abstract property.</remarks>
public abstract record ActivityData
{
    [JsonIgnore]
    public abstract string Kind { get; }
}

public sealed record SessionScheduledData(string Title, DateTimeOffset Start, int DurationMinutes) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionScheduled;
}

public sealed record SessionUpdatedData(string Title, DateTimeOffset Start, int DurationMinutes) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionUpdated;
}

/// <param name="Reason">As the educator gave it; the worker's reason for a session never started; null for none.</param>
public sealed record SessionCancelledData(string? Reason) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionCancelled;
}

public sealed record SessionStartedData : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionStarted;
}

public sealed record WrapUpBegunData(DateTimeOffset EndsAt) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.WrapUpBegun;
}

/// <param name="NewEnd">The booked end after the extension; the wrap-up, if one was running, begins there again.</param>
public sealed record SessionExtendedData(int Minutes, DateTimeOffset NewEnd) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionExtended;
}

public sealed record SessionEndedData : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.SessionEnded;
}

public sealed record ParticipantJoinedData : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.ParticipantJoined;
}

/// <param name="SessionEnded">The stay was closed by the session's end, not by the participant leaving.</param>
public sealed record ParticipantLeftData(bool SessionEnded) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.ParticipantLeft;
}

/// <param name="Code">The refusal's stable code, as the join answered it (e.g. <c>session_full</c>).</param>
public sealed record JoinRefusedData(string Code) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.JoinRefused;
}

public sealed record TokenRenewedData(DateTimeOffset ExpiresAt) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.TokenRenewed;
}

public sealed record ChatMessagePostedData(long MessageId) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.ChatMessagePosted;
}

public sealed record ChatMessageDeletedData(long MessageId, string SenderId) : ActivityData
{
    [JsonIgnore]
    public override string Kind => ActivityKinds.ChatMessageDeleted;
}

/// <summary>A participant's camera or microphone turned on or off, as their room reported it.</summary>
public sealed record MediaChangedData(string Device, bool On) : ActivityData
{
    public const string Camera = "camera";
    public const string Microphone = "microphone";

    [JsonIgnore]
    public override string Kind => (Device, On) switch
    {
        (Camera, true) => ActivityKinds.CameraOn,
        (Camera, false) => ActivityKinds.CameraOff,
        (_, true) => ActivityKinds.MicrophoneOn,
        _ => ActivityKinds.MicrophoneOff,
    };
}

/// <summary>A note (those who teach) or an issue (anyone in the class) written while the session is live.</summary>
public sealed record WrittenEntryData([property: JsonIgnore] bool IsIssue, string Text) : ActivityData
{
    [JsonIgnore]
    public override string Kind => IsIssue ? ActivityKinds.Issue : ActivityKinds.Note;
}
