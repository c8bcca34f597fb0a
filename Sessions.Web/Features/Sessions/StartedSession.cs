using Sessions.Web.Features.Video;

namespace Sessions.Web.Features.Sessions;

/// <summary>A session that is live, with the caller's tokens to enter its room.</summary>
public sealed record StartedSession(SessionSummary Session, RoomTokens Tokens, DateTime ActualStartUtc, TimeSpan Elapsed);

/// <summary>A session that has ended.</summary>
public sealed record EndedSession(SessionSummary Session, DateTime ActualEndUtc);
