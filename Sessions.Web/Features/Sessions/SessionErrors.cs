using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>Every refusal of the session lifecycle, each with its stable code.</summary>
public static class SessionErrors
{
    public static readonly ServiceError NotFound =
        new("session_not_found", "This session does not exist.", StatusCodes.Status404NotFound);

    public static readonly ServiceError NotOwner =
        new("not_session_owner", "Only the session's educator can do that (its class's co-educators may start, end and moderate it).", StatusCodes.Status403Forbidden);

    public static readonly ServiceError NotMember =
        new("not_enrolled", "You are not a member of this session's class.", StatusCodes.Status403Forbidden);

    /// <summary>Ratings and reports are about what happened: they exist only once the session has ended.</summary>
    public static readonly ServiceError NotCompleted =
        new("session_not_completed", "This session has not been completed: it can be rated and reported on only once it has ended.", StatusCodes.Status409Conflict);

    public static readonly ServiceError NotLiveYet =
        new("session_not_live", "This session has not started yet: nothing can be written into it until it is live.", StatusCodes.Status409Conflict);

    public static readonly ServiceError Over =
        new("session_ended", "This session is over: what was written can be read, but nothing more can be added.", StatusCodes.Status409Conflict);

    public static readonly ServiceError NoStudentsEnrolled =
        new("no_students_enrolled", "This class has no students enrolled yet, so the session cannot start.", StatusCodes.Status409Conflict);

    public static ServiceError OutsideStartWindow(StartWindow window, DateTime utcNow, int earlyStartMinutes) => new(
        "outside_start_window",
        window.HasClosedAt(utcNow)
            ? "This session's time has passed, so it can no longer be started."
            : $"It is not session time yet: a session can be started from {earlyStartMinutes} minutes before its scheduled start.",
        StatusCodes.Status409Conflict,
        new Dictionary<string, object?>
        {
            ["windowOpensAt"] = DateTime.SpecifyKind(window.OpensUtc, DateTimeKind.Utc),
            ["windowClosesAt"] = DateTime.SpecifyKind(window.ClosesUtc, DateTimeKind.Utc),
        });

    public static ServiceError ExtensionLimit(int durationMinutes) => new(
        "extension_limit",
        $"A session lasts at most {Session.MaxDurationMinutes} minutes; this one is booked for {durationMinutes}, so it cannot be extended by that much.",
        StatusCodes.Status409Conflict,
        new Dictionary<string, object?>
        {
            ["maxDurationMinutes"] = Session.MaxDurationMinutes,
            ["remainingMinutes"] = Math.Max(0, Session.MaxDurationMinutes - durationMinutes),
        });

    public static ServiceError InvalidStatus(SessionStatus current) => new(
        "invalid_status",
        $"The session is {WireNames.Of(current).Replace('_', ' ')}, so that is not possible.",
        StatusCodes.Status409Conflict,
        new Dictionary<string, object?> { ["currentStatus"] = WireNames.Of(current) });

    public static ServiceError EducatorAlreadyLive(Guid liveSessionId) => new(
        "educator_already_live",
        "You already have another session in progress. End it before starting this one.",
        StatusCodes.Status409Conflict,
        new Dictionary<string, object?> { ["liveSessionId"] = liveSessionId });
}
