using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox to Firestore. Each pass first retires rows that a newer row for the same document makes stale,
/// then sends what is due — at most one row per document, different documents side by side — and marks a row
/// delivered only after Firestore acknowledged it. An outage only delays delivery: failures are retried with backoff,
/// and the starts and ends that wrote the rows never wait for any of this.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<SessionsDbContext> dbFactory,
    FirestoreClient firestore,
    OutboxSignal signal,
    IOptions<FirestoreOptions> firestoreOptions,
    IOptions<NotifierOptions> options,
    TimeProvider time,
    SessionsTelemetry telemetry,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Passes never overlap, so no row is ever in flight twice.</summary>
    private readonly SemaphoreSlim _onePass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!firestoreOptions.Value.IsOn)
        {
            LogOff(logger);
            return;
        }
        LogOn(logger, firestoreOptions.Value.ProjectId ?? "(from credentials)");
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan untilNextPass;
            try
            {
                untilNextPass = await RunPassAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself failed (locked, disk full): keep the service alive and try again shortly.
                LogPassFailed(logger, exception);
                untilNextPass = options.Value.RetryBaseDelay;
            }
            await WaitAsync(untilNextPass, stoppingToken);
        }
    }

    /// <summary>One pass over the outbox; answers how long the dispatcher may sleep before the next.</summary>
    internal async Task<TimeSpan> RunPassAsync(CancellationToken ct)
    {
        await _onePass.WaitAsync(ct);
        try
        {
            return await RunOnePassAsync(ct);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<TimeSpan> RunOnePassAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;

        await db.Outbox
            .Where(m => m.State == OutboxState.Pending
                && db.Outbox.Any(newer => newer.EducatorId == m.EducatorId && newer.State == OutboxState.Pending && newer.Id > m.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, OutboxState.Superseded).SetProperty(m => m.DoneUtc, now), ct);

        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(ct);
        // A row written since the supersede step may share a document with an older one here: send only the newest.
        var newestPerDocument = due.GroupBy(m => m.EducatorId).Select(g => g.MaxBy(m => m.Id)!).ToList();

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(newestPerDocument,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelWrites, CancellationToken = ct },
            async (message, token) => outcomes.Add(await DeliverAsync(message, token)));
        await RecordAsync(db, outcomes, ct);

        if (due.Count == settings.BatchSize)
        {
            return TimeSpan.Zero;
        }
        var nextDue = await db.Outbox.Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.NextAttemptUtc).Select(m => (DateTime?)m.NextAttemptUtc).FirstOrDefaultAsync(ct);
        var untilDue = nextDue is { } at ? at - time.GetUtcNow().UtcDateTime : settings.PollInterval;
        return untilDue < settings.PollInterval ? untilDue : settings.PollInterval;
    }

    /// <summary>What became of one row: acknowledged, to retry at a time, or refused for good.</summary>
    private sealed record Outcome(long Id, OutboxState State, int Attempts, string? Error, DateTime? NextAttemptUtc);

    private async Task<Outcome> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        using var activity = SessionsTelemetry.StartSessionActivity("outbox deliver", message.SessionId)?
            .SetTag(SessionsTelemetry.OutboxIdTag, message.Id);
        try
        {
            await SendAsync(message, ct);
            telemetry.OutboxDelivered();
            return new Outcome(message.Id, OutboxState.Delivered, attempts, null, null);
        }
        catch (RpcException failure) when (FirestoreErrors.IsTransient(failure.StatusCode))
        {
            var retryIn = RetryPolicy.DelayAfter(attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
            telemetry.OutboxFailed(willRetry: true);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.StatusCode.ToString());
            LogRetry(logger, message.Id, message.EducatorId, failure.StatusCode, attempts, retryIn);
            return new Outcome(message.Id, OutboxState.Pending, attempts, Describe(failure), time.GetUtcNow().UtcDateTime + retryIn);
        }
        catch (RpcException failure)
        {
            LogRefused(logger, message.Id, message.EducatorId, failure.StatusCode, failure.Status.Detail);
            telemetry.OutboxFailed(willRetry: false);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.StatusCode.ToString());
            return new Outcome(message.Id, OutboxState.Failed, attempts, Describe(failure), null);
        }
    }

    private Task SendAsync(OutboxMessage message, CancellationToken ct) => message.Kind switch
    {
        NotificationKind.SessionStarted => firestore.WriteSessionStartedAsync(message.EducatorId, message.SessionId.ToString(), ct),
        NotificationKind.SessionEnded => firestore.WriteSessionEndedAsync(message.EducatorId, message.SessionId.ToString(), message.EndedAtUtc!.Value, ct),
        _ => throw new InvalidOperationException($"Outbox row {message.Id} has unknown kind {message.Kind}."),
    };

    /// <summary>
    /// Records a pass's outcomes in one transaction: one statement for all acknowledged rows (the common case), one per
    /// row otherwise. Only rows still pending are touched.
    /// </summary>
    private async Task RecordAsync(SessionsDbContext db, IReadOnlyCollection<Outcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var delivered in outcomes.Where(o => o.State == OutboxState.Delivered).GroupBy(o => o.Attempts))
        {
            var ids = delivered.Select(o => o.Id).ToList();
            await db.Outbox.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Pending).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutboxState.Delivered)
                .SetProperty(m => m.Attempts, delivered.Key)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.DoneUtc, now), ct);
        }
        foreach (var outcome in outcomes.Where(o => o.State != OutboxState.Delivered))
        {
            await db.Outbox.Where(m => m.Id == outcome.Id && m.State == OutboxState.Pending).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, outcome.State)
                .SetProperty(m => m.Attempts, outcome.Attempts)
                .SetProperty(m => m.LastError, outcome.Error)
                .SetProperty(m => m.NextAttemptUtc, m => outcome.NextAttemptUtc ?? m.NextAttemptUtc)
                .SetProperty(m => m.DoneUtc, outcome.State == OutboxState.Pending ? null : now), ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = signal.WaitAsync(wake.Token);
        var slept = Task.Delay(delay, time, wake.Token);
        await Task.WhenAny(woken, slept);
        await wake.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    public override void Dispose()
    {
        _onePass.Dispose();
        base.Dispose();
    }

    private static string Describe(RpcException failure)
    {
        var text = $"{failure.StatusCode}: {failure.Status.Detail}";
        return text.Length <= OutboxMessage.LastErrorMaxLength ? text : text[..OutboxMessage.LastErrorMaxLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore notifier is off: nothing is configured (Firestore:EmulatorHost or Firestore:CredentialsFile), or Firestore:Enabled is false")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore notifier is on for project {ProjectId}")]
    private static partial void LogOn(ILogger logger, string projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for educator {EducatorId} not delivered ({StatusCode}), attempt {Attempts}; retrying in {RetryIn}")]
    private static partial void LogRetry(ILogger logger, long outboxId, string educatorId, StatusCode statusCode, int attempts, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Firestore refused outbox row {OutboxId} for educator {EducatorId} ({StatusCode}: {Detail}); it will not be retried")]
    private static partial void LogRefused(ILogger logger, long outboxId, string educatorId, StatusCode statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed; trying again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
