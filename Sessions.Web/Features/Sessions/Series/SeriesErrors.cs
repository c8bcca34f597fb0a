using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions.Series;

/// <summary>The refusals of the series endpoints beyond those of single sessions.</summary>
public static class SeriesErrors
{
    public static readonly ServiceError NotFound =
        new("series_not_found", "This series of sessions does not exist.", StatusCodes.Status404NotFound);

    public static ServiceError NotInSeries => ServiceError.Validation(SeriesFields.FromSessionId,
        FieldMessage.Of("session_not_in_series", "That session is not part of this series."));
}
