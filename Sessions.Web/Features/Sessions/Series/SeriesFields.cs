namespace Sessions.Web.Features.Sessions.Series;

/// <summary>The field names a series' <c>validation_failed</c> errors are keyed by: the API bodies' own names.</summary>
public static class SeriesFields
{
    public const string Recurrence = "recurrence";
    public const string Days = "recurrence.daysOfWeek";
    public const string Until = "recurrence.until";
    public const string Count = "recurrence.count";
    public const string FromSessionId = "fromSessionId";
    public const string StartTime = "startTime";
}
