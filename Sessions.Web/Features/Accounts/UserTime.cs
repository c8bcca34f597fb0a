using System.Security.Claims;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Accounts;

/// <summary>Converts stored UTC instants to the signed-in user's wall clock.</summary>
public sealed class UserTime(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The UTC instant of a wall-clock time in this zone. A time skipped by a DST change does not exist and is refused;
    /// a repeated one takes its first (daylight) occurrence.
    /// </summary>
    public bool TryToUtc(DateTime local, out DateTime utc)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }
        var offset = Zone.IsAmbiguousTime(unspecified) ? Zone.GetAmbiguousTimeOffsets(unspecified).Max() : Zone.GetUtcOffset(unspecified);
        utc = DateTime.SpecifyKind(unspecified.AddClamped(-offset), DateTimeKind.Utc);
        return true;
    }

    /// <summary>
    /// The user's day around <paramref name="utcNow"/>, as UTC instants [start, end). A day starts at the first valid wall-clock
    /// moment of its date: where a DST change skips midnight, at the end of the gap.
    /// </summary>
    public (DateTime StartUtc, DateTime EndUtc) DayAround(DateTime utcNow)
    {
        var today = ToLocal(utcNow).Date;
        return (StartOf(today), StartOf(today.AddDays(1)));
    }

    private DateTime StartOf(DateTime localDate)
    {
        var moment = localDate;
        DateTime utc;
        while (!TryToUtc(moment, out utc))
        {
            moment = moment.AddMinutes(15);
        }
        return utc;
    }

    public static UserTime For(ClaimsPrincipal principal) =>
        new(FindZone(principal.FindFirstValue(AppClaimTypes.TimeZone)));

    public static TimeZoneInfo FindZone(string? ianaId) =>
        ianaId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;
}
