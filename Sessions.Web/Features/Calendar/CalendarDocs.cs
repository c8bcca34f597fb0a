namespace Sessions.Web.Features.Calendar;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class CalendarDocs
{
    public static readonly CalendarFeedDto Feed = new(new Uri("https://sessions.example.org/calendar/q3Vb0m2x9Jd7kYtW4sLpR8nHcE1uZaF6gTiO5yNwK0M.ics"));
}
