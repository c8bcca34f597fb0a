namespace Sessions.Web.Features.Calendar.Components;

/// <summary>The resource class of the calendar page and the "Add to calendar" link.</summary>
public sealed class CalendarText;
