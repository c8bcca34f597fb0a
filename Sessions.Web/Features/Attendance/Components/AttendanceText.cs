namespace Sessions.Web.Features.Attendance.Components;

/// <summary>The resource class of the attendance page's texts (and the attendance CSV's header row).</summary>
public sealed class AttendanceText;
