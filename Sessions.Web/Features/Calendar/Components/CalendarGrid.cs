using System.Globalization;

namespace Sessions.Web.Features.Calendar.Components;

public enum CalendarView
{
    Week,
    Month,
}

/// <summary>The days a view shows around a date: its week, or the whole weeks covering its month; weeks start on the culture's first day.</summary>
public sealed record CalendarGrid(CalendarView View, DateOnly Anchor, DayOfWeek FirstDayOfWeek)
{
    public DateOnly First => View == CalendarView.Week
        ? WeekStart(Anchor)
        : WeekStart(new DateOnly(Anchor.Year, Anchor.Month, 1));

    public DateOnly Last => View == CalendarView.Week
        ? First.AddDays(6)
        : WeekStart(new DateOnly(Anchor.Year, Anchor.Month, 1).AddMonths(1).AddDays(-1)).AddDays(6);

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays);

    public CalendarGrid Previous() => this with { Anchor = View == CalendarView.Week ? Anchor.AddDays(-7) : Anchor.AddMonths(-1) };

    public CalendarGrid Next() => this with { Anchor = View == CalendarView.Week ? Anchor.AddDays(7) : Anchor.AddMonths(1) };

    public static CalendarGrid For(CalendarView view, DateOnly anchor) =>
        new(view, anchor, CultureInfo.CurrentCulture.DateTimeFormat.FirstDayOfWeek);

    private DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));
}
