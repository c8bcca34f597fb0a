using System.Linq.Expressions;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Sessions;

public sealed class Session
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 240;
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 2000;
    public const int CancellationReasonMaxLength = 500;

    /// <summary>The reason the lifecycle gives a scheduled session whose start window closed unstarted.</summary>
    public const string MissedReason = "missed";

    public Guid Id { get; set; }
    public int ClassId { get; set; }
    public SchoolClass? Class { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public SessionType Type { get; set; }
    public SessionStatus Status { get; set; }
    public DateTime ScheduledStartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public DateTime? ActualStartUtc { get; set; }
    public DateTime? ActualEndUtc { get; set; }
    /// <summary>Set when the booked duration runs out (status end request pending): the wrap-up countdown ends here.</summary>
    public DateTime? WrapUpEndsUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }
    public string? CancellationReason { get; set; }
    /// <summary>The session's own settings (a complex property); a null one follows its class's <see cref="SchoolClass.SessionDefaults"/>.</summary>
    public SessionSettingOverrides Overrides { get; set; } = SessionSettingOverrides.None;
    public required string ChannelName { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>The weekly series this session was booked in (<see cref="Series.SessionSeries"/>); null for a single booking.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>In progress, or wrapping up: its room is open and its educator counts as live (<see cref="SessionStatusRules.Live"/>).</summary>
    public static readonly Expression<Func<Session, bool>> IsLive = StatusIn(SessionStatusRules.Live);

    /// <summary>
    /// Where the start window closes: the booked end. The SQL form of <see cref="StartWindow"/>, which computes the same
    /// bounds in memory, saturating; the expressions below are the only queries of the window.
    /// </summary>
    private static readonly Expression<Func<Session, DateTime>> StartWindowCloses = s => s.ScheduledStartUtc.AddMinutes(s.DurationMinutes);

    /// <summary>The start window is open at <paramref name="now"/>: a start is allowed.</summary>
    public static Expression<Func<Session, bool>> StartWindowOpenAt(DateTime now, int earlyStartMinutes)
    {
        var opensBy = now.AddMinutes(earlyStartMinutes);
        return Predicate.Over(StartWindowCloses, (s, closes) => s.ScheduledStartUtc <= opensBy && closes > now);
    }

    /// <summary>The start window has closed by <paramref name="now"/>. The start bound is implied, and lets the (status, start) index skip what lies ahead.</summary>
    public static Expression<Func<Session, bool>> StartWindowClosedBy(DateTime now) =>
        Predicate.Over(StartWindowCloses, (s, closes) => s.ScheduledStartUtc <= now && closes <= now);

    /// <summary>
    /// Missed by <paramref name="now"/>: its start window closed unstarted. The lifecycle cancels such a session with
    /// <see cref="MissedReason"/>; until its next pass the session is still scheduled, and missed all the same.
    /// </summary>
    public static Expression<Func<Session, bool>> MissedBy(DateTime now) =>
        UnstartedWhenWindowClosedBy(now).Or(s => s.Status == SessionStatus.Cancelled && s.CancellationReason == MissedReason);

    /// <summary>Still scheduled when its start window closed: the lifecycle's next pass cancels it as missed.</summary>
    public static Expression<Func<Session, bool>> UnstartedWhenWindowClosedBy(DateTime now) =>
        Predicate.And(s => s.Status == SessionStatus.Scheduled, StartWindowClosedBy(now));

    /// <summary>The start window has not closed at <paramref name="now"/>: it is open, or still ahead.</summary>
    public static Expression<Func<Session, bool>> StartWindowNotClosedAt(DateTime now) =>
        Predicate.Over(StartWindowCloses, (_, closes) => closes > now);

    /// <summary><c>Status IN (…)</c> as one SQL condition (an empty list matches nothing).</summary>
    public static Expression<Func<Session, bool>> StatusIn(IEnumerable<SessionStatus> statuses)
    {
        var session = Expression.Parameter(typeof(Session), "s");
        var status = Expression.Property(session, nameof(Status));
        var anyOf = statuses
            .Select(candidate => (Expression)Expression.Equal(status, Expression.Constant(candidate)))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Session, bool>>(anyOf, session);
    }

    /// <summary>An Agora channel name (≤ 64 bytes, letters and digits) that no other session shares.</summary>
    public static string ChannelNameFor(Guid sessionId) => $"s-{sessionId:N}";

    public static Session Create(int classId, string educatorId, SessionType type, string title, string? description,
        DateTime startUtc, int durationMinutes, DateTime now, SessionSettingOverrides? settings = null, Guid? seriesId = null)
    {
        var id = Guid.CreateVersion7();
        return new Session
        {
            Id = id,
            ClassId = classId,
            EducatorId = educatorId,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Type = type,
            Status = SessionStatus.Scheduled,
            ScheduledStartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
            DurationMinutes = durationMinutes,
            ChannelName = ChannelNameFor(id),
            CreatedUtc = now,
            Overrides = settings ?? SessionSettingOverrides.None,
            SeriesId = seriesId,
        };
    }
}
