using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// Everything the crash could have left half done, read straight from the SQLite file the portal runs on: the sessions,
/// their notifications, their attendance, and SQLite's own verdict on the file.
/// </summary>
/// <param name="StatusNames">The status column as stored, read before EF Core maps it (an unknown name would not map).</param>
internal sealed record CrashSnapshot(
    string IntegrityCheck,
    IReadOnlyList<string> StatusNames,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<OutboxMessage> Outbox,
    IReadOnlyList<AttendanceInterval> Attendance)
{
    public static async Task<CrashSnapshot> ReadAsync(string databasePath)
    {
        var options = new DbContextOptionsBuilder<SqliteSessionsDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using var db = new SqliteSessionsDbContext(options);
        var integrity = string.Join("; ", await db.Database
            .SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").ToListAsync());
        var statusNames = await db.Database.SqlQueryRaw<string>("SELECT Status AS Value FROM Sessions").ToListAsync();
        return new CrashSnapshot(
            integrity,
            statusNames,
            // A row whose status the app does not know would make the mapping throw: it stays out, and the status check reports it.
            await db.Sessions.AsNoTracking().Where(Session.StatusIn(Enum.GetValues<SessionStatus>())).ToListAsync(),
            await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(),
            await db.Attendance.AsNoTracking().ToListAsync());
    }

    /// <summary>The figures of the final state, for the test output; rows done before <paramref name="killedAtUtc"/> were the first portal's.</summary>
    public string Summary(DateTime killedAtUtc)
    {
        static string Tally<T>(IEnumerable<T> items, Func<T, string> key) =>
            string.Join(", ", items.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        var beforeKill = Outbox.Where(m => m.DoneUtc < killedAtUtc).ToList();
        return $"After the restart: {Sessions.Count} sessions ({Sessions.Count(s => s.Type == SessionType.Instant)} instant): "
            + $"{Tally(Sessions, s => WireNames.Of(s.Status))}; {Attendance.Count} attendance intervals ({Attendance.Count(a => a.LeftUtc is null)} open).\n"
            + $"Outbox: {Outbox.Count} rows; done before the kill: {Tally(beforeKill, m => WireNames.Of(m.State))}; "
            + $"owed at the kill and done by the restarted portal: {Tally(Outbox.Except(beforeKill), m => WireNames.Of(m.State))}.";
    }

    public IEnumerable<OutboxMessage> Undelivered => Outbox.Where(m => m.State is OutboxState.Pending or OutboxState.Failed);

    /// <summary>
    /// What <c>sessions_in_progress/{educatorId}</c> must say once every notification is out: the educator's live
    /// session if there is one, otherwise the last session they ended (the newest notification, as the outbox keeps
    /// commit order), or no document when they never started anything.
    /// </summary>
    public DocumentState? ExpectedDocumentOf(string educatorId)
    {
        var live = Sessions.Where(s => s.EducatorId == educatorId && s.Status.IsLive()).ToList();
        if (live.Count > 0)
        {
            return new DocumentState(NotifierContract.InProgress, live[0].Id, null);
        }
        var newest = Outbox.LastOrDefault(m => m.Key == educatorId);
        if (newest is null)
        {
            return null;
        }
        var ended = Sessions.Single(s => s.Id == SessionNotification.Of(newest).SessionId);
        return new DocumentState(NotifierContract.Completed, ended.Id, ended.ActualEndUtc);
    }
}
