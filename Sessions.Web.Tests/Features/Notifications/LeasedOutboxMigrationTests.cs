using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>
/// A portal upgraded while notifications wait in its outbox: the rows written before the leased outbox are converted by
/// its migration into the general shape, and say what they said before.
/// </summary>
[Trait(DatabaseTraits.Name, DatabaseTraits.SqliteOnly)]
public sealed class LeasedOutboxMigrationTests : IDisposable
{
    private const string BeforeTheLeasedOutbox = "20261130183542_RefreshTokensAndClientLockout";

    private readonly TestDatabase _database = TestDatabase.SqliteFile(TestDatabase.NewSqlitePath());

    [Fact]
    public async Task Rows_waiting_in_the_old_outbox_are_converted_and_stay_deliverable()
    {
        var sessionId = Guid.NewGuid();
        var endedAt = new DateTime(2026, 11, 30, 10, 15, 30, 250, DateTimeKind.Utc);
        await using var db = _database.OpenContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeTheLeasedOutbox);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Outbox" ("Kind", "EducatorId", "SessionId", "EndedAtUtc", "CreatedUtc", "State", "Attempts", "NextAttemptUtc")
            VALUES ('session_ended', 'educator-1', {sessionId}, {endedAt}, {endedAt}, 'pending', 2, {endedAt})
            """);

        await migrator.MigrateAsync();

        var row = await db.Outbox.AsNoTracking().SingleAsync();
        Assert.Equal((SessionNotifications.Type, "educator-1", OutboxState.Pending, 2), (row.Type, row.Key, row.State, row.Attempts));
        Assert.Null(row.ClaimedBy);
        Assert.Equal(new SessionNotification(NotificationKind.SessionEnded, "educator-1", sessionId, endedAt), SessionNotification.Of(row));
    }

    public void Dispose() => _database.Delete();
}
