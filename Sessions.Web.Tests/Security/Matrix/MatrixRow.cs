namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// One request that exercises an endpoint, made against a fresh <see cref="MatrixScene"/>. API endpoints are called as
/// the apps call them (a bearer token); <see cref="Portal"/> ones as a browser does (the portal cookie), and one that
/// <see cref="SignsOut"/> from a browser of its own.
/// </summary>
public sealed record MatrixProbe(
    string Method,
    Func<MatrixScene, string> Path,
    SessionNeed Need = SessionNeed.StartableNow,
    Func<MatrixScene, object>? Body = null,
    bool Portal = false,
    string? ApiVersion = null,
    bool SignsOut = false);

/// <summary>
/// An endpoint (as the endpoint data source names it: "METHODS route pattern"), the request that exercises it, and the
/// answer each role gets: a status, then the problem's <c>code</c> or, for a redirect, the path it leads to.
/// </summary>
public sealed record MatrixRow(string Endpoint, MatrixProbe Probe, IReadOnlyDictionary<MatrixRole, string> Expected)
{
    public static IReadOnlyDictionary<MatrixRole, string> Answers(
        string anonymous, string enrolledStudent, string otherStudent, string owningEducator, string coEducator, string otherEducator,
        string admin) =>
        new Dictionary<MatrixRole, string>
        {
            [MatrixRole.Anonymous] = anonymous,
            [MatrixRole.EnrolledStudent] = enrolledStudent,
            [MatrixRole.OtherStudent] = otherStudent,
            [MatrixRole.OwningEducator] = owningEducator,
            [MatrixRole.CoEducator] = coEducator,
            [MatrixRole.OtherEducator] = otherEducator,
            [MatrixRole.Admin] = admin,
        };

    /// <summary>The same answer for everyone, signed in or not.</summary>
    public static IReadOnlyDictionary<MatrixRole, string> Everyone(string answer) => Answers(answer, answer, answer, answer, answer, answer, answer);

    /// <summary>401 for the anonymous caller, <paramref name="answer"/> for everyone signed in.</summary>
    public static IReadOnlyDictionary<MatrixRole, string> SignedIn(string answer) =>
        Answers("401 unauthenticated", answer, answer, answer, answer, answer, answer);

    /// <summary>
    /// The owner and admins only (booking, editing, cancelling, the class's settings): students are refused by role, the
    /// co-educator and the other educator by ownership.
    /// </summary>
    public static IReadOnlyDictionary<MatrixRole, string> OwnerOrAdmin(string answer, string notOwnerCode) =>
        Answers("401 unauthenticated", "403 forbidden", "403 forbidden", answer, $"403 {notOwnerCode}", $"403 {notOwnerCode}", answer);

    /// <summary>
    /// Those who teach the class (its owner, a co-educator, admins): starting, ending, attendance. Students are refused by
    /// role, the other educator by <paramref name="notTeacherCode"/>.
    /// </summary>
    public static IReadOnlyDictionary<MatrixRole, string> TeachersOrAdmin(string answer, string notTeacherCode) =>
        Answers("401 unauthenticated", "403 forbidden", "403 forbidden", answer, answer, $"403 {notTeacherCode}", answer);

    /// <summary>Administrators only; everyone else signed in is refused by role.</summary>
    public static IReadOnlyDictionary<MatrixRole, string> AdminOnly(string answer) =>
        Answers("401 unauthenticated", "403 forbidden", "403 forbidden", "403 forbidden", "403 forbidden", "403 forbidden", answer);

    /// <summary>Members of the class: those who teach it (its owner, a co-educator), its students and admins.</summary>
    public static IReadOnlyDictionary<MatrixRole, string> Members(string answer) =>
        Answers("401 unauthenticated", answer, "403 not_enrolled", answer, answer, "403 not_enrolled", answer);
}
