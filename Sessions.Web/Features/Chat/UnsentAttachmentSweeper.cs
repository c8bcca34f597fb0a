using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Chat;

/// <summary>
/// Removes uploads no message took within <see cref="ChatOptions.UnsentAttachmentLifetime"/> (a composer closed before
/// sending, a send refused): their rows and their files. Only ever-unsent uploads are touched; a message claiming one at the
/// same moment either takes it first (the sweep skips it) or finds it gone (the send is refused, nothing half-written).
/// </summary>
public sealed partial class UnsentAttachmentSweeper(
    IDbContextFactory<SessionsDbContext> dbFactory,
    IAttachmentStore store,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<UnsentAttachmentSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    LogSwept(logger, removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep: answers how many uploads it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = time.StoredUtcNow() - options.Value.UnsentAttachmentLifetime;
        var removed = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var stale = await db.ChatAttachments
                .Where(a => a.MessageId == null && a.CreatedUtc < cutoff)
                .OrderBy(a => a.CreatedUtc)
                .Select(a => new { a.Id, a.StorageKey, a.ThumbnailKey })
                .Take(Batch)
                .ToListAsync(ct);
            if (stale.Count == 0)
            {
                return removed;
            }
            var ids = stale.ConvertAll(a => a.Id);
            await db.ChatAttachments.Where(a => ids.Contains(a.Id) && a.MessageId == null).ExecuteDeleteAsync(ct);
            // Those a message took in the meantime are still there, and keep their files.
            var taken = await db.ChatAttachments.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(ct);
            var gone = stale.Where(a => !taken.Contains(a.Id)).ToList();
            await store.RemoveAsync(gone.Select(a => (a.StorageKey, a.ThumbnailKey)), logger);
            removed += gone.Count;
            if (stale.Count < Batch)
            {
                return removed;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} chat uploads that were never sent")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing unsent chat uploads failed; retrying at the next sweep")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
