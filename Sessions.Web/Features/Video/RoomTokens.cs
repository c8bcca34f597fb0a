using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Features.Video;

/// <summary>What a participant needs to enter a session's Agora channel.</summary>
public sealed record RoomTokens(
    string AppId,
    string ChannelName,
    uint RtcUid,
    string RtcToken,
    string RtmToken,
    AgoraRole Role,
    DateTime ExpiresAtUtc);
