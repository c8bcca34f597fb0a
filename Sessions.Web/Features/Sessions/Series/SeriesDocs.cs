namespace Sessions.Web.Features.Sessions.Series;

/// <summary>Typed examples of the series endpoints for the OpenAPI document, serialized as the endpoints serialize them.</summary>
internal static class SeriesDocs
{
    private static readonly Guid SampleSeriesId = Guid.Parse("01937a4e-2c1b-7d3e-9f00-5a6b7c8d9e0f");
    private static readonly Guid SampleFromId = Guid.Parse("01937a4e-2c1b-7d3e-9f00-5a6b7c8d9e10");

    public static readonly CreateSessionBody CreateRequest = SessionDocs.CreateRequest with
    {
        ScheduledStartTime = "2027-03-29T09:00:00+02:00",
        Recurrence = new RecurrenceBody(["monday", "wednesday"], null, 4),
    };

    /// <summary>Mondays and Wednesdays at 09:00 (07:00 UTC in summer) for four sessions, the second overlapping another session of the class.</summary>
    public static readonly SessionSeriesDto Booked = new(SampleSeriesId,
        [.. new[] { 0, 2, 7, 9 }.Select((days, i) => SessionDocs.Scheduled with
        {
            Id = Guid.Parse($"01937a4e-2c1b-7d3e-9f00-5a6b7c8d9e2{i}"),
            ScheduledStartTime = SessionDocs.Scheduled.ScheduledStartTime.AddDays(days - 3),
        })],
        [new SeriesWarningDto(SeriesWarningDto.OverlapsSession, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950f"),
            SessionDocs.Scheduled.ScheduledStartTime.AddDays(-1))]);

    public static readonly UpdateSeriesBody UpdateRequest = new(SampleFromId, "Quadratic equations (new room)", null, 50, "09:30");

    public static readonly SeriesSessionsDto Updated = new(SampleSeriesId,
        [SessionDocs.Scheduled with { Id = SampleFromId, Title = UpdateRequest.Title!, Duration = 50 }]);

    public static readonly CancelSeriesBody CancelRequest = new(SampleFromId, "The course ends early.");

    public static readonly CancelledSeriesDto Cancelled = new(SampleSeriesId, [SampleFromId]);
}
