using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Features.Sessions.Series;

/// <summary>Wall-clock moments the series tests book at: in Paris, the test users' zone.</summary>
internal static class SeriesDates
{
    public static readonly UserTime Paris = new(UserTime.FindZone("Europe/Paris"));

    /// <summary>09:00 in Paris on the first Monday at least two days after <paramref name="utcNow"/>.</summary>
    public static DateTime NextMondayNine(DateTimeOffset utcNow)
    {
        var day = Paris.ToLocal(utcNow.UtcDateTime).Date.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day.AddHours(9);
    }
}
