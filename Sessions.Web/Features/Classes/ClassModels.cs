using System.Linq.Expressions;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

/// <param name="Archived">An archived class keeps its history and roster and takes no new sessions or students.</param>
public sealed record ClassSummary(
    int Id, string Name, string Subject, string EducatorId, string EducatorName, int EnrolledCount, SessionSettings SessionDefaults,
    string Code, bool Archived)
{
    public static readonly Expression<Func<SchoolClass, ClassSummary>> Projection = c =>
        new ClassSummary(c.Id, c.Name, c.Subject, c.EducatorId, c.Educator!.DisplayName, c.Enrollments.Count, c.SessionDefaults,
            c.Code, c.ArchivedUtc != null);
}

/// <summary>A class with its co-educators and its sessions, as the API reads it.</summary>
public sealed record ClassOverview(ClassSummary Class, ClassSessions Sessions, IReadOnlyList<SessionHostDto> CoEducators);

/// <summary>
/// A class's live session, if any, and what is coming up. <see cref="Cancelled"/> holds the sessions called off whose time
/// has not passed yet, so a student who planned for one learns why it is not on; missed sessions are no news and are left out.
/// </summary>
public sealed record ClassSessions(SessionSummary? Live, IReadOnlyList<SessionSummary> Upcoming, IReadOnlyList<SessionSummary> Cancelled);

/// <summary>A student's class with the session that is live in it right now, if any.</summary>
public sealed record StudentClass(ClassSummary Class, Guid? LiveSessionId);

/// <summary>One of the caller's classes with its live session and its next scheduled one (each may be null).</summary>
public sealed record OwnClass(ClassSummary Class, SessionSummary? Live, SessionSummary? Next);

/// <summary>One page of the caller's classes, with the count of all.</summary>
public sealed record OwnClasses(IReadOnlyList<OwnClass> Items, int TotalCount);

/// <summary>The class's educators after an add or a removal, and whether it changed anything.</summary>
public sealed record CoEducatorChange(ClassEducatorsDto Educators, bool Changed);
