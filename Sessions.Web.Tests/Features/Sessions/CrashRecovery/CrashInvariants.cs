using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>What must hold in the database after any crash, each rule a helper named as the rule it checks.</summary>
internal static class CrashInvariants
{
    private static readonly HashSet<string> _statusNames = [.. Enum.GetValues<SessionStatus>().Select(WireNames.Of)];

    public static void TheFileIsIntact(CrashSnapshot state) => Assert.Equal("ok", state.IntegrityCheck);

    public static void EveryStatusIsKnown(CrashSnapshot state) =>
        Assert.All(state.StatusNames, name => Assert.Contains(name, _statusNames));

    public static void NoEducatorHasTwoLiveSessions(CrashSnapshot state) =>
        Assert.All(state.Sessions.Where(s => s.Status.IsLive()).GroupBy(s => s.EducatorId),
            live => Assert.True(live.Count() == 1, $"Educator {live.Key} has {live.Count()} live sessions: {string.Join(", ", live.Select(s => s.Id))}"));

    /// <summary>Scheduled: neither start nor end; live: a start and no end; completed: start ≤ end; cancelled: never started.</summary>
    public static void TimesMatchEachStatus(CrashSnapshot state) =>
        Assert.All(state.Sessions, s => Assert.True(s.Status switch
        {
            SessionStatus.Scheduled => s is { ActualStartUtc: null, ActualEndUtc: null, CancelledUtc: null },
            SessionStatus.InProgress => s is { ActualStartUtc: not null, ActualEndUtc: null },
            SessionStatus.EndRequestPending => s is { ActualStartUtc: not null, ActualEndUtc: null, WrapUpEndsUtc: not null },
            SessionStatus.Completed => s is { ActualStartUtc: { } start, ActualEndUtc: { } end } && start <= end,
            SessionStatus.Cancelled => s is { ActualStartUtc: null, ActualEndUtc: null, CancelledUtc: not null },
            _ => false,
        }, $"Session {s.Id} is {s.Status} with start {s.ActualStartUtc:O}, end {s.ActualEndUtc:O}, cancelled {s.CancelledUtc:O}"));

    /// <summary>An instant session is created and started in one transaction: none may be left behind unstarted.</summary>
    public static void NoInstantSessionWasLeftUnstarted(CrashSnapshot state) =>
        Assert.All(state.Sessions.Where(s => s.Type == SessionType.Instant), s => Assert.NotNull(s.ActualStartUtc));

    /// <summary>Every stay ends no earlier than it began and lies in a session that had started by then.</summary>
    public static void AttendanceIntervalsAreSane(CrashSnapshot state)
    {
        var startedAt = state.Sessions.ToDictionary(s => s.Id, s => s.ActualStartUtc);
        Assert.All(state.Attendance, a =>
        {
            Assert.True(a.LeftUtc is null || a.LeftUtc >= a.JoinedUtc, $"Interval {a.Id} left at {a.LeftUtc:O} before it joined at {a.JoinedUtc:O}");
            Assert.True(startedAt[a.SessionId] is { } start && start <= a.JoinedUtc,
                $"Interval {a.Id} joined session {a.SessionId} at {a.JoinedUtc:O}, which started at {startedAt[a.SessionId]:O}");
        });
        Assert.All(state.Attendance.Where(a => a.LeftUtc is null).GroupBy(a => (a.SessionId, a.UserId)),
            open => Assert.Single(open));
    }

    /// <summary>Ending or completing a session closes its open intervals in the same transaction (issue #12).</summary>
    public static void CompletedSessionsHaveNoOpenIntervals(CrashSnapshot state)
    {
        var completed = state.Sessions.Where(s => s.Status == SessionStatus.Completed).Select(s => s.Id).ToHashSet();
        Assert.All(state.Attendance.Where(a => completed.Contains(a.SessionId)), a => Assert.NotNull(a.LeftUtc));
    }

    /// <summary>
    /// The start and its notification, the end and its notification, are stored together or not at all: every started
    /// session has exactly one "started" row, every completed one exactly one "ended" row carrying its stored end, and
    /// nothing else is in the outbox.
    /// </summary>
    public static void EveryTransitionHasExactlyOneNotification(CrashSnapshot state)
    {
        var notifications = state.Outbox.Select(SessionNotification.Of).ToList();
        var rows = notifications.ToLookup(m => (m.SessionId, m.Kind));
        Assert.All(state.Sessions, s =>
        {
            Assert.Equal(s.ActualStartUtc is null ? 0 : 1, rows[(s.Id, NotificationKind.SessionStarted)].Count());
            var ended = rows[(s.Id, NotificationKind.SessionEnded)].ToList();
            Assert.Equal(s.Status == SessionStatus.Completed ? 1 : 0, ended.Count);
            Assert.All(ended, m => Assert.Equal(s.ActualEndUtc, m.EndedAtUtc));
            Assert.All(rows[(s.Id, NotificationKind.SessionStarted)].Concat(ended), m => Assert.Equal(s.EducatorId, m.EducatorId));
        });
        var sessionIds = state.Sessions.Select(s => s.Id).ToHashSet();
        Assert.All(notifications, m => Assert.Contains(m.SessionId, sessionIds));
    }
}
