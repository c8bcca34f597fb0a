using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>A member of a session's class, and whether they teach it.</summary>
/// <param name="Teaches">Teaches the class (<see cref="ClassMembership"/>: owner, co-educator, the session's educator, admin).</param>
public sealed record SessionParticipant(SessionSummary Session, bool Teaches);

/// <summary>
/// Who takes part in a session (the members of its class, at any time) and when anything may be written into it — its
/// chat, its activity log by hand: from its start until its end, and never again after.
/// </summary>
internal static class SessionParticipation
{
    public static async Task<Result<SessionParticipant>> ParticipantAsync(SessionsDbContext db, SessionActor actor, Guid sessionId, CancellationToken ct)
    {
        var readable = await SessionQueries.ReadableAsync(db, actor, sessionId, ct);
        if (readable.Error is { } refused)
        {
            return refused;
        }
        var session = readable.Value!;
        return new SessionParticipant(session, await ClassMembership.TeachesAsync(db, actor, session, ct));
    }

    /// <summary>Why nothing may be written into a session in <paramref name="status"/>, or null while it is live.</summary>
    public static ServiceError? WritingRefusal(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => SessionErrors.NotLiveYet,
        SessionStatus.Completed or SessionStatus.Cancelled => SessionErrors.Over,
        _ => null,
    };
}
