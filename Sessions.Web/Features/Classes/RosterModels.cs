namespace Sessions.Web.Features.Classes;

/// <summary>
/// An enrolled student as the roster shows them: <see cref="Active"/> is false once their account is deactivated; the rate is
/// <see cref="SessionsAttended"/> / <see cref="SessionsHeld"/> over the class's completed sessions, null when none was held.
/// </summary>
public sealed record RosterStudent(
    string UserId, string Email, string DisplayName, bool Active, int SessionsHeld, int SessionsAttended, double? AttendanceRate)
{
    public static RosterStudent Of(string userId, string? email, string displayName, bool active, int held, int attended) =>
        new(userId, email ?? "", displayName, active, held, attended, held == 0 ? null : (double)attended / held);
}

/// <summary>One page of a class's roster, with the count of all who match.</summary>
public sealed record RosterPage(IReadOnlyList<RosterStudent> Items, int TotalCount);

/// <summary>An active student not yet in the class, offered by the roster's add box.</summary>
public sealed record RosterCandidate(string UserId, string Email, string DisplayName);

/// <summary>Body of <c>POST /api/classes/{id}/students</c>: exactly one of the two names the student.</summary>
public sealed record NewRosterStudent(string? UserId, string? Email);

/// <summary>The student and whether this request enrolled them (false: they were already).</summary>
public sealed record RosterAddition(RosterStudent Student, bool Enrolled);
