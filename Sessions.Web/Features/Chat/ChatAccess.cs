using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

/// <summary>A member of a session's class, as the chat sees them.</summary>
/// <param name="Teaches">Teaches the class (<see cref="ClassMembership"/>: owner, co-educator, the session's educator, admin): moderates, is never rate limited.</param>
public sealed record ChatMember(SessionSummary Session, bool Teaches)
{
    public string Role => Teaches ? ChatRoles.Educator : ChatRoles.Student;
}

/// <summary>Who may read a session's chat (members of its class, at any time) and when they may write to it.</summary>
internal static class ChatAccess
{
    public static async Task<Result<ChatMember>> MemberAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var readable = await SessionQueries.ReadableAsync(db, actor, sessionId, ct);
        if (readable.Error is { } refused)
        {
            return refused;
        }
        var session = readable.Value!;
        return new ChatMember(session, await ClassMembership.TeachesAsync(db, actor, session, ct));
    }

    /// <summary>
    /// Why the member may not post now (a message or an upload), or null: only while the session is live, and for students
    /// only while its chat is on (those who teach may still post announcements).
    /// </summary>
    public static ServiceError? WriteRefusal(ChatMember member) =>
        LiveRefusal(member.Session.Status)
        ?? (!member.Teaches && !member.Session.Settings.ChatEnabled ? ChatErrors.Disabled : null);

    /// <summary>
    /// Why nothing may be written into the session now, or null while it is live: its chat, and its activity log by hand,
    /// open when it starts and close for good when it ends.
    /// </summary>
    public static ServiceError? LiveRefusal(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => ChatErrors.NotLive,
        SessionStatus.Completed or SessionStatus.Cancelled => ChatErrors.Ended,
        _ => null,
    };
}
