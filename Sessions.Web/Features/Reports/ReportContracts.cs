using Sessions.Web.Features.Ratings;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Reports;

/// <summary>The educator's text: Markdown, sanitized when stored; null or blank for none.</summary>
public sealed record SaveReportRequest(string? Summary, string? Recommendations, bool ShareWithStudents);

/// <summary>A session's report as the API answers it: a student's is their own part (one line, no absentees, issues or ratings).</summary>
public sealed record SessionReportDto(
    ReportSessionDto Session,
    ReportTimingDto Timing,
    ReportAttendanceDto Attendance,
    IReadOnlyList<StudentReportLineDto> Students,
    IReadOnlyList<ParticipantChatCount> ChatMessages,
    IReadOnlyList<ReportIssueDto> Issues,
    ReportNarrativeDto Narrative,
    ReportRatingsDto? Ratings,
    DateTimeOffset GeneratedAt)
{
    public static SessionReportDto From(SessionReport report) => new(
        new ReportSessionDto(report.Session.Id, report.Session.Title, report.Session.ClassId, report.Session.ClassName, report.Session.ClassSubject,
            report.Session.EducatorId, report.Session.EducatorName),
        new ReportTimingDto(ApiTime.Utc(report.Timing.ScheduledStartUtc), ApiTime.Utc(report.Timing.ScheduledEndUtc), ApiTime.Utc(report.Timing.ActualStartUtc),
            ApiTime.Utc(report.Timing.ActualEndUtc), report.Timing.StartLatenessMinutes, report.Timing.DurationMinutes),
        new ReportAttendanceDto(report.Totals.Enrolled, report.Totals.Attended, report.Totals.Absent, report.Totals.AbsentNames),
        [.. report.Students.Select(s => new StudentReportLineDto(s.UserId, s.DisplayName, s.Email, s.Attended, ApiTime.Utc(s.FirstJoinedUtc),
            s.MinutesPresent, s.Joins, s.Punctual, s.ChatMessages, [.. s.Intervals.Select(i => new PresenceIntervalDto(ApiTime.Utc(i.JoinedUtc), ApiTime.Utc(i.LeftUtc)))]))],
        report.ChatMessages,
        [.. report.Issues.Select(i => new ReportIssueDto(ApiTime.Utc(i.AtUtc), i.ActorId, i.ActorName, i.Text))],
        ReportNarrativeDto.From(report.Narrative),
        report.Ratings is { } averages ? new ReportRatingsDto(report.RatingCount, averages) : null,
        ApiTime.Utc(report.GeneratedUtc));
}

public sealed record ReportSessionDto(Guid Id, string Title, int ClassId, string ClassName, string ClassSubject, string EducatorId, string EducatorName);

/// <param name="StartLatenessMinutes">How much later than booked the session started; negative when early.</param>
/// <param name="DurationMinutes">Actual start to actual end.</param>
public sealed record ReportTimingDto(
    DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, double StartLatenessMinutes,
    double DurationMinutes);

public sealed record ReportAttendanceDto(int Enrolled, int Attended, int Absent, IReadOnlyList<string> AbsentNames);

/// <param name="Joins">Stays in the room: more than one means the student left or reconnected.</param>
/// <param name="Punctual">First joined within 5 minutes of the actual start.</param>
/// <param name="Intervals">The stays, clipped to the actual start and end.</param>
public sealed record StudentReportLineDto(
    string UserId, string DisplayName, string Email, bool Attended, DateTimeOffset? FirstJoinedAt, double MinutesPresent, int Joins, bool Punctual,
    int ChatMessages, IReadOnlyList<PresenceIntervalDto> Intervals);

public sealed record PresenceIntervalDto(DateTimeOffset JoinedAt, DateTimeOffset LeftAt);

public sealed record ReportIssueDto(DateTimeOffset At, string ActorId, string ActorName, string Text);

/// <summary>The educator's text (sanitized Markdown; empty strings when none was written).</summary>
public sealed record ReportNarrativeDto(string Summary, string Recommendations, bool ShareWithStudents, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static ReportNarrativeDto From(ReportNarrative narrative) => new(
        narrative.Summary, narrative.Recommendations, narrative.ShareWithStudents, ApiTime.Utc(narrative.UpdatedUtc), narrative.UpdatedByName);
}

/// <summary>The session's approved ratings: how many, and the mean of each score (null without any).</summary>
public sealed record ReportRatingsDto(int Count, RatingAverages Averages);
