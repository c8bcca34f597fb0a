using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

public sealed partial class SessionService
{
    /// <summary>The steps an educator may extend a live session by.</summary>
    public static readonly IReadOnlyList<int> ExtensionSteps = [5, 10, 15];

    internal static readonly FieldMessage InvalidStep =
        FieldMessage.Of("extension_minutes_invalid", "A session can be extended by 5, 10 or 15 minutes.");

    /// <summary>A lost race with another extension is read again and judged afresh, this many times.</summary>
    private const int ExtendAttempts = 3;

    /// <summary>
    /// Those who may end a live session (its owner, a co-educator, an admin) extend it by one of <see cref="ExtensionSteps"/>,
    /// within <see cref="Session.MaxDurationMinutes"/> of booked time in all; a running wrap-up stops and begins again at the new end.
    /// </summary>
    public async Task<Result<SessionSummary>> ExtendAsync(SessionActor actor, Guid sessionId, int minutes, CancellationToken ct)
    {
        if (!ExtensionSteps.Contains(minutes))
        {
            return ServiceError.Validation(SessionFields.Minutes, InvalidStep);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var attempt = 0; attempt < ExtendAttempts; attempt++)
        {
            var taught = await SessionQueries.TaughtAsync(db, actor, sessionId, ct);
            if (taught.Error is { } refused)
            {
                return refused;
            }
            var session = taught.Value!;
            if (RefuseExtension(session, minutes) is { } notNow)
            {
                return notNow;
            }
            if (await transitions.ExtendAsync(db, session, actor.UserId, minutes, time.StoredUtcNow(), ct))
            {
                LogExtended(logger, sessionId, minutes, actor.UserId);
                return (await SessionSummary.FindAsync(db, sessionId, ct))!;
            }
        }
        // Extended or ended by others on every attempt: what it is now decides.
        var current = (await SessionSummary.FindAsync(db, sessionId, ct))!;
        return RefuseExtension(current, minutes) ?? SessionErrors.ExtensionLimit(current.DurationMinutes);
    }

    private static ServiceError? RefuseExtension(SessionSummary session, int minutes) => session.Status switch
    {
        SessionStatus.Scheduled => SessionErrors.NotLiveYet,
        SessionStatus.Completed or SessionStatus.Cancelled => SessionErrors.Over,
        _ when session.DurationMinutes + minutes > Session.MaxDurationMinutes => SessionErrors.ExtensionLimit(session.DurationMinutes),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} extended by {Minutes} minutes by {ActorId}")]
    private static partial void LogExtended(ILogger logger, Guid sessionId, int minutes, string actorId);
}
