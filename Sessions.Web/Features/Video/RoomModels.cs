using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Video;

/// <summary>A participant's way into a live session's room.</summary>
public sealed record RoomEntry(SessionSummary Session, RoomTokens Tokens, bool IsHost);

/// <summary>Someone in the room now.</summary>
public sealed record RoomParticipant(string UserId, string DisplayName, uint RtcUid, DateTime JoinedUtc, bool IsHost);

public static class RoomErrors
{
    public static readonly ServiceError NotLive =
        new("session_not_live", "This session is not live: the room opens when the educator starts it and closes when it ends.",
            StatusCodes.Status409Conflict);

    public const string FullCode = "session_full";

    public static ServiceError Full(int maxParticipants) => new(
        FullCode,
        $"This session is full: {maxParticipants} students are in the room already. Try again when someone leaves.",
        StatusCodes.Status409Conflict,
        new Dictionary<string, object?> { ["maxParticipants"] = maxParticipants });
}
