using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

/// <summary>When a member of a session's class may post into its chat.</summary>
internal static class ChatAccess
{
    /// <summary>
    /// Why the member may not post now (a message or an upload), or null: only while the session is live, and for students
    /// only while its chat is on (those who teach may still post announcements).
    /// </summary>
    public static ServiceError? WriteRefusal(SessionParticipant member) =>
        SessionParticipation.WritingRefusal(member.Session.Status)
        ?? (!member.Teaches && !member.Session.Settings.ChatEnabled ? ChatErrors.Disabled : null);

    /// <summary>The sender's part in the session, as a message records it.</summary>
    public static string RoleOf(SessionParticipant member) => member.Teaches ? ChatRoles.Educator : ChatRoles.Student;
}
