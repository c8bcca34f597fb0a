using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure.Data;

[Collection(AppFixtureGroup.Name)]
public sealed class ResilientTransactionTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_or_failing_change_keeps_nothing_and_runs_nothing_after_commit(bool throws)
    {
        var (created, db) = await NewSessionAsync();
        await using var _ = db;
        var afterCommit = 0;

        var run = ResilientTransaction.ExecuteAsync(db, async () =>
        {
            db.Sessions.Add(created);
            await db.SaveChangesAsync(); // stored inside the transaction, then refused: the rollback must take it back
            return throws ? throw new InvalidOperationException("refused halfway") : false;
        }, () => Task.FromResult(++afterCommit), CancellationToken.None);

        if (throws)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        }
        else
        {
            Assert.False(await run);
        }
        Assert.Equal(0, afterCommit);
        Assert.False(await StoredAsync(created.Id));
    }

    [Fact]
    public async Task A_kept_change_is_committed_before_the_after_commit_actions_run()
    {
        var (created, db) = await NewSessionAsync();
        await using var _ = db;
        bool? visibleAfterCommit = null;

        var kept = await ResilientTransaction.ExecuteAsync(db, () =>
        {
            db.Sessions.Add(created);
            return Task.FromResult(true);
        }, async () => visibleAfterCommit = await StoredAsync(created.Id), CancellationToken.None);

        Assert.True(kept);
        Assert.True(visibleAfterCommit);
    }

    private async Task<(Session Created, SessionsDbContext Db)> NewSessionAsync()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var now = DateTime.UtcNow;
        var created = Session.Create(schoolClass.Id, educator.Id, SessionType.Scheduled, "Unit of work", null, now.AddDays(1), 30, now);
        return (created, await app.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync());
    }

    /// <summary>Read through a second context, as another request would see it.</summary>
    private async Task<bool> StoredAsync(Guid sessionId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync();
        return await db.Sessions.AnyAsync(s => s.Id == sessionId);
    }
}
