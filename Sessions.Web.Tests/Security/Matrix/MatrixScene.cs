namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// What one probe acts on, made fresh for it: a class of the owning educator with the enrolled student (and one more), and
/// a session in it; beside it, a class of the other educator with the other student, whose <see cref="SentinelSessionId"/>
/// can be started to show what those two hear. The <see cref="ClassmateId"/>, the class's other student, is the account
/// that administrative probes change. The co-educator teaches the class beside its owner; <see cref="Caller"/> is who the
/// probe runs as (for a body that names the caller). <see cref="SeriesId"/> is the series of the session, when the probe needs one.
/// </summary>
public sealed record MatrixScene(
    int ClassId, Guid SessionId, string OwnerId, string EnrolledStudentId, string OtherStudentId, string Tomorrow, Guid SentinelSessionId,
    string ClassmateId, string CoEducatorId, string OtherEducatorId, MatrixRole Caller = MatrixRole.Anonymous, string? CallerId = null,
    Guid? SeriesId = null);

/// <summary>The state a probe needs its session in.</summary>
public enum SessionNeed
{
    /// <summary>Scheduled, inside its start window.</summary>
    StartableNow,

    /// <summary>Scheduled for tomorrow.</summary>
    Tomorrow,

    /// <summary>Scheduled for tomorrow, the one session of a weekly series.</summary>
    TomorrowInSeries,

    /// <summary>In progress.</summary>
    Live,

    /// <summary>Started and ended: completed.</summary>
    Completed,
}
