using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>
/// Several dispatcher instances on one outbox (one SQLite file, Google's emulator): claims keep each row with one
/// instance at a time, one key's rows go out in order, and a crashed instance's claims lapse with its lease.
/// </summary>
[Collection(NotifierFixtureGroup.Name)]
public sealed class LeasedOutboxTests(NotifierFixture notifier)
{
    private SessionsAppFactory App => notifier.App;
    private readonly RecordingHandler _recorder = new(notifier.App.Services.GetServices<IOutboxHandler>().Single());
    private IDbContextFactory<SessionsDbContext> Db => App.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>();

    [Fact]
    public async Task Two_instances_deliver_rows_written_by_both_exactly_once_and_in_order_per_educator()
    {
        var (a, b) = (Dispatcher(), Dispatcher());
        var educators = Enumerable.Range(0, 6).Select(_ => NewEducatorId()).ToList();
        var written = new List<(long Id, SessionNotification Notification)>();

        for (var round = 0; round < 4; round++)
        {
            foreach (var educator in educators)
            {
                var notification = Notification(educator, round);
                written.Add((await WriteAsync(notification), notification));
            }
            while (await PendingAsync([.. written.Select(w => w.Id)]) > 0)
            {
                await Task.WhenAll(a.RunPassAsync(CancellationToken.None), b.RunPassAsync(CancellationToken.None));
                // A write the emulator answered too late (its deadline passes on a loaded machine) is retried after a backoff
                // on the fake clock: move it on, now that no claim is outstanding, or this loop would wait for ever.
                App.Time.Advance(new OutboxOptions().RetryMaxDelay);
            }
        }

        await using var db = await Db.CreateDbContextAsync();
        var ids = written.Select(w => w.Id).ToList();
        Assert.All(await db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync(), m =>
        {
            Assert.Equal(OutboxState.Delivered, m.State);
            Assert.Null(m.ClaimedBy);
        });
        Assert.Equal(written.Count, _recorder.Delivered.Count);
        foreach (var educator in educators)
        {
            Assert.Equal(written.Where(w => w.Notification.EducatorId == educator).Select(w => w.Notification),
                _recorder.Delivered.Where(n => n.EducatorId == educator));
            var document = await notifier.Firestore.ReadAsync(educator, CancellationToken.None);
            Assert.Equal(NotifierContract.Completed, document!.StatusValue());
        }
    }

    [Fact]
    public async Task A_crashed_instances_claim_is_taken_over_once_its_lease_has_lapsed()
    {
        var survivor = Dispatcher();
        var educator = NewEducatorId();
        var id = await WriteAsync(Notification(educator, 0));
        await using (var db = await Db.CreateDbContextAsync())
        {
            var claimed = await OutboxClaims.ClaimAsync(db, "crashed", [RecordingHandler.RecordedType], Now, new OutboxOptions().Lease, 100, CancellationToken.None);
            Assert.Contains(claimed, m => m.Id == id);
        }

        await survivor.RunPassAsync(CancellationToken.None);
        Assert.Empty(_recorder.Delivered);

        App.Time.Advance(new OutboxOptions().Lease + TimeSpan.FromSeconds(1));
        await survivor.RunPassAsync(CancellationToken.None);

        Assert.Equal([educator], _recorder.Delivered.Select(n => n.EducatorId));
        Assert.Equal(NotifierContract.InProgress, (await notifier.Firestore.ReadAsync(educator, CancellationToken.None))!.StatusValue());
    }

    [Fact]
    public async Task A_row_held_elsewhere_holds_back_newer_rows_of_its_key_but_not_other_keys()
    {
        var dispatcher = Dispatcher();
        var (busy, other) = (NewEducatorId(), NewEducatorId());
        var held = await WriteAsync(Notification(busy, 0));
        await using (var db = await Db.CreateDbContextAsync())
        {
            await OutboxClaims.ClaimAsync(db, "elsewhere", [RecordingHandler.RecordedType], Now, new OutboxOptions().Lease, 100, CancellationToken.None);
        }
        var newer = Notification(busy, 1);
        await WriteAsync(newer);
        await WriteAsync(Notification(other, 0));

        await dispatcher.RunPassAsync(CancellationToken.None);

        Assert.Equal([other], _recorder.Delivered.Select(n => n.EducatorId));
        await using (var db = await Db.CreateDbContextAsync())
        {
            // The other instance finishes its row; only now may the newer one go.
            await db.Outbox.Where(m => m.Id == held).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutboxState.Delivered).SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
        }
        await dispatcher.RunPassAsync(CancellationToken.None);

        Assert.Equal([other, busy], _recorder.Delivered.Select(n => n.EducatorId));
        Assert.Equal(newer, _recorder.Delivered.Last());
    }

    [Fact]
    public async Task A_row_waiting_behind_one_held_elsewhere_lets_the_dispatcher_sleep_instead_of_spinning()
    {
        var dispatcher = Dispatcher();
        var busy = NewEducatorId();
        await WriteAsync(Notification(busy, 0));
        await using (var db = await Db.CreateDbContextAsync())
        {
            await OutboxClaims.ClaimAsync(db, "elsewhere", [RecordingHandler.RecordedType], Now, new OutboxOptions().Lease, 100, CancellationToken.None);
        }
        await WriteAsync(Notification(busy, 1));

        try
        {
            // Due now but not claimable: it can go only once the other instance is done with the older row (or its lease lapses).
            Assert.Equal(new OutboxOptions().PollInterval, await dispatcher.RunPassAsync(CancellationToken.None));
            Assert.Empty(_recorder.Delivered);
        }
        finally
        {
            await ForgetAsync(m => m.Key == busy);
        }
    }

    [Fact]
    public async Task A_due_row_of_a_type_without_a_handler_here_lets_the_dispatcher_sleep_instead_of_spinning()
    {
        const string NewerType = "test.handled-by-a-newer-release";
        var dispatcher = Dispatcher();
        await using (var db = await Db.CreateDbContextAsync())
        {
            db.Outbox.Add(new OutboxMessage
            {
                Type = NewerType, Key = NewEducatorId(), Payload = "{}", CreatedUtc = Now, State = OutboxState.Pending, NextAttemptUtc = Now,
            });
            await db.SaveChangesAsync();
        }

        try
        {
            Assert.Equal(new OutboxOptions().PollInterval, await dispatcher.RunPassAsync(CancellationToken.None));
        }
        finally
        {
            await ForgetAsync(m => m.Type == NewerType);
        }
    }

    /// <summary>Takes a test's rows out of the shared outbox, so later tests' dispatchers never meet them.</summary>
    private async Task ForgetAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> rows)
    {
        await using var db = await Db.CreateDbContextAsync();
        await db.Outbox.Where(rows).ExecuteDeleteAsync();
    }

    private DateTime Now => App.Time.GetUtcNow().UtcDateTime;

    private OutboxDispatcher Dispatcher() => new(Db, [_recorder], new OutboxSignal(), Options.Create(new OutboxOptions()), App.Time,
        App.Services.GetRequiredService<SessionsTelemetry>(), NullLogger<OutboxDispatcher>.Instance);

    private static string NewEducatorId() => Guid.NewGuid().ToString();

    /// <summary>Even rounds start a session, odd rounds end it.</summary>
    private SessionNotification Notification(string educatorId, int round) => round % 2 == 0
        ? new(NotificationKind.SessionStarted, educatorId, Guid.NewGuid(), null)
        : new(NotificationKind.SessionEnded, educatorId, Guid.NewGuid(), DateTime.SpecifyKind(Now.AddMinutes(round), DateTimeKind.Utc));

    private async Task<long> WriteAsync(SessionNotification notification)
    {
        await using var db = await Db.CreateDbContextAsync();
        var row = new OutboxMessage
        {
            Type = RecordingHandler.RecordedType,
            Key = notification.EducatorId,
            Payload = notification.ToPayload(),
            CreatedUtc = Now,
            State = OutboxState.Pending,
            NextAttemptUtc = Now,
        };
        db.Outbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<int> PendingAsync(IReadOnlyCollection<long> ids)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.State == OutboxState.Pending);
    }
}
