using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Samples for the OpenAPI document: the refusals whose factories take facts (called with made-up ones, so code and status
/// still come from <see cref="SessionErrors"/>) and typed examples, serialized as the endpoints serialize them.
/// </summary>
internal static class SessionDocs
{
    private static readonly DateTime SampleStartUtc = new(2027, 4, 1, 7, 0, 0, DateTimeKind.Utc);
    private static readonly Guid SampleId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static readonly ServiceError InvalidStatus = SessionErrors.InvalidStatus(SessionStatus.Completed);

    public static readonly ServiceError EducatorAlreadyLive = SessionErrors.EducatorAlreadyLive(SampleId);

    public static readonly ServiceError OutsideStartWindow =
        SessionErrors.OutsideStartWindow(StartWindow.For(SampleStartUtc, 45, 10), SampleStartUtc.AddHours(-1), 10);

    public static readonly ServiceError ExtensionLimit = SessionErrors.ExtensionLimit(235);

    public static readonly ServiceError InvalidMinutes = ServiceError.Validation(SessionFields.Minutes, SessionService.InvalidStep);

    public static readonly ExtendSessionBody ExtendRequest = new(10);

    /// <summary>Why a start is refused once the session is found and the caller owns it.</summary>
    public static readonly IReadOnlyList<ServiceError> StartRefusals =
        [InvalidStatus, OutsideStartWindow, SessionErrors.NoStudentsEnrolled, EducatorAlreadyLive];

    public static readonly SessionDto Scheduled = new(
        SampleId, "Quadratic equations", "Bring last week's worksheet.", "scheduled", "scheduled",
        new DateTimeOffset(SampleStartUtc), null, null, 45, null, null, null,
        new SessionSettingsDto(null, 30, null, null, true, 30, true, false),
        new SessionClassDto(1, "Algebra I", "Mathematics", 8),
        new SessionHostDto("b3c1f0de-5a1e-4c55-9d1e-2f0c1a7e9b10", "Ada Teacher"));

    public static readonly SessionDto Extended = Scheduled with
    {
        Status = "in_progress", StartedAt = new DateTimeOffset(SampleStartUtc), Duration = 55,
    };

    private static readonly Seed001Agora Agora = new("4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", SampleId.ToString("N"), 1001,
        "007eJxTYBBb...", "007eJxTYFBa...", new DateTimeOffset(SampleStartUtc.AddHours(2)));

    public static readonly Seed001StartEnvelope StartEnvelope = new(true, new Seed001StartedSession(
        new Seed001Session(SampleId, Scheduled.Title, Scheduled.Description, "in_progress", "scheduled", Scheduled.ScheduledStartTime,
            new DateTimeOffset(SampleStartUtc), null, Scheduled.Duration, null, null, null,
            new Seed001SessionSettings(null, 30, null, null, true, 30, true, false),
            new Seed001SessionClass(Scheduled.Class.Id, Scheduled.Class.Name, Scheduled.Class.Subject, Scheduled.Class.EnrolledCount),
            new Seed001SessionHost(Scheduled.Host.Id, Scheduled.Host.DisplayName)),
        Agora, 0), new DateTimeOffset(SampleStartUtc));

    public static readonly MobileStartRequest MobileStartRequest = new(Scheduled.Host.Id, SampleId);

    public static readonly MobileStartResponse MobileStartResponse = new(
        new DateTimeOffset(SampleStartUtc), Agora.RtcToken, Agora.RtmToken, SampleId, 0, Agora.Channel, Agora.RtcUid, Agora.AppId);

    public static readonly CreateSessionBody CreateRequest = new(
        1, "Quadratic equations", "Bring last week's worksheet.", "scheduled", "2027-04-01T09:00:00+02:00", 45,
        new SessionSettingsBody(null, 30, null, null));
}
