namespace Sessions.Web.Features.Calendar.Components;

/// <summary>The calendar's <c>data-testid</c> values (kept in the feature while other features change the shared list).</summary>
public static class CalendarTestIds
{
    public const string NavLink = "calendar-nav-link";
    public const string Zone = "calendar-zone";
    public const string Range = "calendar-range";
    public const string Previous = "calendar-previous";
    public const string Next = "calendar-next";
    public const string Today = "calendar-today";
    public const string WeekView = "calendar-week";
    public const string MonthView = "calendar-month";
    public const string FeedUrl = "calendar-feed-url";
    public const string CopyFeed = "calendar-copy-feed";
    public const string RenewFeed = "calendar-renew-feed";

    public static string Day(DateOnly date) => $"calendar-day-{date:yyyy-MM-dd}";
    public static string Session(Guid id) => $"calendar-session-{id}";
    public static string AddToCalendar(Guid id) => $"add-to-calendar-{id}";
}
