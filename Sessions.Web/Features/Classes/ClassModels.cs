using System.Linq.Expressions;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

public sealed record ClassSummary(
    int Id, string Name, string Subject, string EducatorId, string EducatorName, int EnrolledCount, SessionSettings SessionDefaults)
{
    public static readonly Expression<Func<SchoolClass, ClassSummary>> Projection = c =>
        new ClassSummary(c.Id, c.Name, c.Subject, c.EducatorId, c.Educator!.DisplayName, c.Enrollments.Count,
            new SessionSettings(c.DefaultChatEnabled, c.DefaultMaxParticipants, c.DefaultStudentMediaEnabled, c.DefaultRecordingEnabled));
}

/// <summary>The class page: the class, its live session if any, and what is coming up.</summary>
public sealed record ClassOverview(ClassSummary Class, SessionSummary? Live, IReadOnlyList<SessionSummary> Upcoming);

/// <summary>A student's class with the session that is live in it right now, if any.</summary>
public sealed record StudentClass(ClassSummary Class, Guid? LiveSessionId);
