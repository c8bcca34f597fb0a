using Sessions.Web.Features.Ratings;

namespace Sessions.Web.Features.Reports;

/// <summary>
/// What happened in one completed session, computed from stored data (sessions, enrolments, attendance intervals,
/// chat messages, activity entries, approved ratings) plus the educator's own text. The report page, the PDF,
/// the CSV and the API all render this one model; a student's view is the same model cut down by <see cref="ForStudent"/>.
/// </summary>
public sealed record SessionReport(
    ReportSession Session,
    ReportTiming Timing,
    ReportAttendanceTotals Totals,
    IReadOnlyList<StudentReportLine> Students,
    IReadOnlyList<ParticipantChatCount> ChatMessages,
    IReadOnlyList<ReportIssue> Issues,
    ReportNarrative Narrative,
    RatingAverages? Ratings,
    int RatingCount,
    DateTime GeneratedUtc)
{
    /// <summary>The whole report, as those who teach the session read it; false for a student's cut (<see cref="ForStudent"/>).</summary>
    public bool TeachersView { get; init; } = true;

    /// <summary>The part a student may read: their own line, and the educator's text only if it is shared.</summary>
    public SessionReport ForStudent(string studentId) => this with
    {
        TeachersView = false,
        Students = Students.Where(s => s.UserId == studentId).ToList(),
        Totals = Totals with { AbsentNames = [] },
        ChatMessages = ChatMessages.Where(c => c.UserId == studentId).ToList(),
        Issues = [],
        Narrative = Narrative.ShareWithStudents ? Narrative : ReportNarrative.Hidden,
        Ratings = null,
        RatingCount = 0,
    };
}

/// <summary>Which session, in which class, taught by whom.</summary>
public sealed record ReportSession(Guid Id, string Title, int ClassId, string ClassName, string ClassSubject, string EducatorId, string EducatorName);

/// <summary>
/// The booked window against what happened. <see cref="StartLatenessMinutes"/> is how much later than booked the
/// session started (negative when early); <see cref="DurationMinutes"/> is actual start to actual end.
/// </summary>
public sealed record ReportTiming(
    DateTime ScheduledStartUtc,
    DateTime ScheduledEndUtc,
    DateTime ActualStartUtc,
    DateTime ActualEndUtc,
    double StartLatenessMinutes,
    double DurationMinutes);

/// <summary>Enrolled, attended (at least one attendance interval) and absent, with the absentees' names.</summary>
public sealed record ReportAttendanceTotals(int Enrolled, int Attended, int Absent, IReadOnlyList<string> AbsentNames);

/// <summary>One stay in the room, clipped to the session's actual start and end.</summary>
public sealed record PresenceInterval(DateTime JoinedUtc, DateTime LeftUtc);

/// <summary>
/// One enrolled student: minutes present (overlapping stays counted once), joins (each interval is a join, so
/// reconnects show as more than one), punctual = first joined within 5 minutes of the actual start, and their messages.
/// </summary>
public sealed record StudentReportLine(
    string UserId,
    string DisplayName,
    string Email,
    bool Attended,
    DateTime? FirstJoinedUtc,
    double MinutesPresent,
    int Joins,
    bool Punctual,
    int ChatMessages,
    IReadOnlyList<PresenceInterval> Intervals);

/// <summary>Messages posted in the session's chat by one participant (educators and students; deleted ones not counted).</summary>
public sealed record ParticipantChatCount(string UserId, string DisplayName, string Role, int Messages);

/// <summary>An <c>issue</c> entry of the activity log ("I can't hear"), with who raised it.</summary>
public sealed record ReportIssue(DateTime AtUtc, string ActorId, string ActorName, string Text);

/// <summary>The educator's summary and recommendations (sanitized Markdown) and whether students may read them.</summary>
public sealed record ReportNarrative(string Summary, string Recommendations, bool ShareWithStudents, DateTime? UpdatedUtc, string? UpdatedByName)
{
    public static readonly ReportNarrative Hidden = new("", "", false, null, null);
}
