using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Calendar;

/// <summary>
/// Writes sessions as an RFC 5545 calendar: one VEVENT per session, its times on the educator's wall clock with that
/// zone's VTIMEZONE (TZID = the IANA id), a UID that never changes, and a SEQUENCE that grows with each change, so a
/// subscribed calendar replaces a moved event and removes a cancelled one.
/// </summary>
public static class CalendarDocument
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//Sessions//Sessions portal//EN";

    /// <param name="site">The portal's address (scheme and host): the UIDs' domain and the events' links.</param>
    public static string Write(IEnumerable<CalendarEntry> entries, Uri site, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var list = entries.ToList();
        foreach (var zone in list.GroupBy(e => e.EducatorTimeZoneId))
        {
            // The zone's rules from a little before the earliest event, so every event's offset is described.
            var earliest = zone.Min(e => e.StartUtc).AddDays(-1);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Key, earliest, includeHistoricalData: false));
        }
        foreach (var entry in list)
        {
            calendar.Events.Add(EventFor(entry, site));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The UID of a session's event: the same in every feed and download, for as long as the session exists.</summary>
    public static string UidOf(Guid sessionId, Uri site) => $"{sessionId}@{site.Host}";

    /// <summary>Where an event links to: its class page, which leads to the room while it is live and to the report after.</summary>
    public static Uri LinkOf(CalendarEntry entry, Uri site) => new(site, $"/classes/{entry.ClassId}");

    private static CalendarEvent EventFor(CalendarEntry entry, Uri site)
    {
        var zone = Accounts.UserTime.FindZone(entry.EducatorTimeZoneId);
        var link = LinkOf(entry, site);
        return new CalendarEvent
        {
            Uid = UidOf(entry.SessionId, site),
            Summary = $"{entry.Title} ({entry.ClassName})",
            Description = string.Join("\n", new[] { entry.Description, $"{entry.ClassName}, {entry.EducatorName}", link.ToString() }.OfType<string>()),
            DtStart = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.StartUtc, zone), entry.EducatorTimeZoneId),
            DtEnd = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.EndUtc, zone), entry.EducatorTimeZoneId),
            DtStamp = new CalDateTime(entry.LastModifiedUtc, "UTC"),
            LastModified = new CalDateTime(entry.LastModifiedUtc, "UTC"),
            Sequence = entry.Sequence,
            Status = entry.Status == SessionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Url = link,
        };
    }
}
