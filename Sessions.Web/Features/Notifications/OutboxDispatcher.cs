using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox through the handler registered for each row's type. Each pass retires rows a newer row of the
/// same key makes stale, claims what is due (<see cref="OutboxClaims"/>, so other instances keep off it), hands the
/// claimed rows to their handlers — different keys side by side — and records each outcome, releasing the claim. A
/// row is marked delivered only after its handler said so; failures are retried with backoff, and the changes that
/// wrote the rows never wait for any of this.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<SessionsDbContext> dbFactory,
    IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    SessionsTelemetry telemetry,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);
    private readonly string[] _types = handlers.Select(h => h.Type).ToArray();
    private readonly string _typeList = string.Join(", ", handlers.Select(h => h.Type));

    /// <summary>Passes never overlap, so no row is ever in flight twice from this instance.</summary>
    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>Whose claims are whose: unique per process start, so a restarted instance does not mistake a dead one's claims for its own.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, InstanceId, _typeList);
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

        await OutboxClaims.SupersedeAsync(db, InstanceId, _types, now, ct);
        var claimed = await OutboxClaims.ClaimAsync(db, InstanceId, _types, now, settings.Lease, settings.BatchSize, ct);

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelWrites, CancellationToken = ct },
            async (message, token) => outcomes.Add(await DeliverAsync(message, token)));
        await RecordAsync(db, outcomes, ct);

        if (claimed.Count == settings.BatchSize)
        {
            return TimeSpan.Zero;
        }
        // Rows held by another instance come back into view when its lease lapses, so that counts as "due" too. Only rows
        // this instance could claim count: a row of a type it has no handler for, or one waiting behind an older row of
        // its key (held elsewhere, in flight), would answer "due now" until someone else acts, and the loop would spin.
        var nextDue = await db.Outbox.Where(m => m.State == OutboxState.Pending && _types.Contains(m.Type))
            .Where(OutboxClaims.IsNextOfItsKey(db))
            .Select(m => m.ClaimedUntilUtc != null && m.ClaimedUntilUtc > m.NextAttemptUtc ? m.ClaimedUntilUtc.Value : m.NextAttemptUtc)
            .OrderBy(at => at).Select(at => (DateTime?)at).FirstOrDefaultAsync(ct);
        var untilDue = nextDue is { } due ? due - time.GetUtcNow().UtcDateTime : settings.PollInterval;
        return untilDue < settings.PollInterval ? untilDue : settings.PollInterval;
    }

    /// <summary>What became of one row: acknowledged, to retry at a time, or refused for good.</summary>
    private sealed record Outcome(long Id, OutboxState State, int Attempts, string? Error, DateTime? NextAttemptUtc);

    private async Task<Outcome> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        using var activity = SessionsTelemetry.Source.StartActivity("outbox deliver")?
            .SetTag(SessionsTelemetry.OutboxIdTag, message.Id)
            .SetTag(SessionsTelemetry.OutboxTypeTag, message.Type);
        var result = await HandleAsync(message, ct);
        switch (result.Outcome)
        {
            case OutboxOutcome.Delivered:
                telemetry.OutboxDelivered();
                return new Outcome(message.Id, OutboxState.Delivered, attempts, null, null);
            case OutboxOutcome.TransientFailure:
                var retryIn = RetryPolicy.DelayAfter(attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                telemetry.OutboxFailed(willRetry: true);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
                LogRetry(logger, message.Id, message.Type, message.Key, result.Error, attempts, retryIn);
                return new Outcome(message.Id, OutboxState.Pending, attempts, Truncate(result.Error), time.GetUtcNow().UtcDateTime + retryIn);
            default:
                telemetry.OutboxFailed(willRetry: false);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
                LogRefused(logger, message.Id, message.Type, message.Key, result.Error);
                return new Outcome(message.Id, OutboxState.Failed, attempts, Truncate(result.Error), null);
        }
    }

    private async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!_handlers.TryGetValue(message.Type, out var handler))
        {
            throw new InvalidOperationException($"Row {message.Id} of type {message.Type} was claimed without a handler for it.");
        }
        try
        {
            return await handler.HandleAsync(message.Payload, ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A handler's fault (a bug, an unforeseen error) must not stop other keys: log it and retry this row later.
            LogHandlerFault(logger, message.Id, message.Type, exception);
            return OutboxResult.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>
    /// Records a pass's outcomes in one transaction and releases the claims: one statement for all acknowledged rows
    /// (the common case), one per row otherwise. Only rows still pending and still held by this instance are touched,
    /// so a claim lost to a lapsed lease is never overwritten.
    /// </summary>
    private async Task RecordAsync(SessionsDbContext db, IReadOnlyCollection<Outcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.Outbox.Where(m => m.State == OutboxState.Pending && m.ClaimedBy == InstanceId);
        await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            foreach (var delivered in outcomes.Where(o => o.State == OutboxState.Delivered).GroupBy(o => o.Attempts))
            {
                var ids = delivered.Select(o => o.Id).ToList();
                await mine.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.State, OutboxState.Delivered)
                    .SetProperty(m => m.Attempts, delivered.Key)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.DoneUtc, now)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
            }
            foreach (var outcome in outcomes.Where(o => o.State != OutboxState.Delivered))
            {
                await mine.Where(m => m.Id == outcome.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.State, outcome.State)
                    .SetProperty(m => m.Attempts, outcome.Attempts)
                    .SetProperty(m => m.LastError, outcome.Error)
                    .SetProperty(m => m.NextAttemptUtc, m => outcome.NextAttemptUtc ?? m.NextAttemptUtc)
                    .SetProperty(m => m.DoneUtc, outcome.State == OutboxState.Pending ? null : now)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
            }
            return true;
        }, afterCommit: null, ct);
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

    private static string? Truncate(string? error) =>
        error is null || error.Length <= OutboxMessage.LastErrorMaxLength ? error : error[..OutboxMessage.LastErrorMaxLength];

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher {InstanceId} started; it delivers {Types}")]
    private static partial void LogStarted(ILogger logger, string instanceId, string types);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} ({Type}, key {Key}) not delivered ({Error}), attempt {Attempts}; retrying in {RetryIn}")]
    private static partial void LogRetry(ILogger logger, long outboxId, string type, string key, string? error, int attempts, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} ({Type}, key {Key}) was refused ({Error}); it will not be retried")]
    private static partial void LogRefused(ILogger logger, long outboxId, string type, string key, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox handler for {Type} failed on row {OutboxId}; retrying it later")]
    private static partial void LogHandlerFault(ILogger logger, long outboxId, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed; trying again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
