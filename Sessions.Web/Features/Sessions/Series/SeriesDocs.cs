namespace Sessions.Web.Features.Sessions.Series;

/// <summary>Typed examples of the series endpoints for the OpenAPI document, serialized as the endpoints serialize them.</summary>
internal static class SeriesDocs
{
    private static readonly Guid SampleSeriesId = Guid.Parse("01937a4e-2c1b-7d3e-9f00-5a6b7c8d9e0f");
    private static readonly Guid SampleFromId = Guid.Parse("01937a4e-2c1b-7d3e-9f00-5a6b7c8d9e10");

    public static readonly CreateSessionBody CreateRequest = SessionDocs.CreateRequest with
    {
        Recurrence = new RecurrenceBody(["monday", "wednesday"], "2027-06-30", null),
    };

    public static readonly UpdateSeriesBody UpdateRequest = new(SampleFromId, "Quadratic equations (new room)", null, 50, "09:30");

    public static readonly SeriesSessionsDto Updated = new(SampleSeriesId,
        [SessionDocs.Scheduled with { Id = SampleFromId, Title = UpdateRequest.Title!, Duration = 50 }]);

    public static readonly CancelSeriesBody CancelRequest = new(SampleFromId, "The course ends early.");

    public static readonly CancelledSeriesDto Cancelled = new(SampleSeriesId, [SampleFromId]);
}
