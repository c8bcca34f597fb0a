namespace Sessions.Web.Features.Sessions;

/// <summary>
/// How a session runs: a class's defaults, or a session's effective values once its overrides are applied.
/// <see cref="MaxParticipants"/> counts students in the room at once; the educator is never counted or refused.
/// </summary>
public sealed record SessionSettings(bool ChatEnabled, int MaxParticipants, bool StudentMediaEnabled, bool RecordingEnabled)
{
    public const int MinParticipants = 1;
    public const int MaxParticipantsLimit = 500;

    /// <summary>What a new class starts with.</summary>
    public static readonly SessionSettings ClassDefaults = new(ChatEnabled: true, MaxParticipants: 50, StudentMediaEnabled: true, RecordingEnabled: false);
}

/// <summary>A session's own choices; a null one follows the class default.</summary>
public sealed record SessionSettingOverrides(bool? ChatEnabled, int? MaxParticipants, bool? StudentMediaEnabled, bool? RecordingEnabled)
{
    public static readonly SessionSettingOverrides None = new(null, null, null, null);

    public SessionSettings Over(SessionSettings classDefaults) => new(
        ChatEnabled ?? classDefaults.ChatEnabled,
        MaxParticipants ?? classDefaults.MaxParticipants,
        StudentMediaEnabled ?? classDefaults.StudentMediaEnabled,
        RecordingEnabled ?? classDefaults.RecordingEnabled);
}
