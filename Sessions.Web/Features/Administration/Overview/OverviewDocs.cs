using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Administration.Overview;

/// <summary>A sample overview for the OpenAPI document, typed so that it is serialized as the endpoint serializes it.</summary>
internal static class OverviewDocs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    private static readonly OverviewSessionDto Live = new(Guid.Parse("0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"), "Fractions", "in_progress",
        Now.AddMinutes(-15), Now.AddMinutes(45), Now.AddMinutes(-14), 18, new OverviewClassDto(7, "Algebra II", "ALG-2"),
        new SessionHostDto("5f0c1c43-3f6e-4a3b-9d43-5c1e0d8b2a10", "Ms. Rivera"));

    private static readonly OverviewSessionDto Soon = Live with
    {
        Id = Guid.Parse("0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6c"), Title = "Lab safety", Status = "scheduled",
        ScheduledStartTime = Now.AddMinutes(30), ScheduledEndTime = Now.AddMinutes(90), StartedAt = null, ParticipantCount = 0,
    };

    public static readonly SchoolOverviewDto Overview = new(Now, "Europe/Paris", new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero),
        new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), new OverviewListDto(1, [Live]), new OverviewListDto(1, [Soon]), new OverviewListDto(0, []), 4, 2);
}
