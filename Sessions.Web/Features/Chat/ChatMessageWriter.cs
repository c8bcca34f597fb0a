using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Activity;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Chat;

/// <summary>A message the service has checked (the sender may write, the text is valid) and asks to store.</summary>
public sealed record ChatMessageDraft(
    Guid SessionId,
    string SenderId,
    string SenderRole,
    bool Paced,
    Guid ClientMessageId,
    string Text,
    IReadOnlyList<Guid> AttachmentIds);

public enum ChatWriteResult
{
    Stored,
    AlreadySent,
    TooFast,
    AttachmentsNotAvailable,
}

/// <summary>What became of a draft: its id once stored, or why it was not.</summary>
public sealed record ChatWriteOutcome(ChatWriteResult Result, long MessageId = 0, TimeSpan RetryAfter = default);

/// <summary>
/// Group commit for chat messages. A busy school sends more messages per second than one-commit-per-message storage
/// allows (each commit waits for the disk, and SQLite lets one writer in at a time), so one writer takes whatever
/// messages are waiting, decides each (sent twice, too fast, attachments not available) against the stored rows and
/// the batch itself, stores the rest with their activity-log entries, commits once, and only then answers each sender.
/// A clientMessageId stored meanwhile by another batch or instance fails the batch on its unique index; the batch is then
/// written a message at a time, and that message is answered as already sent.
/// While a batch commits the next one gathers, so under load a commit carries many messages and when quiet it carries one
/// without waiting for company.
/// </summary>
public sealed partial class ChatMessageWriter(
    IDbContextFactory<SessionsDbContext> dbFactory,
    TimeProvider time,
    ILogger<ChatMessageWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the draft with the next commit; answers once it is committed (or refused). The write goes on if the caller gives up.</summary>
    public Task<ChatWriteOutcome> WriteAsync(ChatMessageDraft draft, CancellationToken ct)
    {
        var pending = new Pending(draft);
        return _queue.Writer.TryWrite(pending)
            ? pending.Outcome.Task.WaitAsync(ct)
            : throw new InvalidOperationException("The application is stopping: the chat no longer takes messages.");
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not stopped by the token: what is queued when the app stops is still written, its senders are waiting.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var outcomes = await ResilientTransaction.ExecuteAsync(db, () => StageAsync(db, batch), keep: _ => true, afterCommit: null, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            // One message must not fail the others: each alone again, so only the one at fault fails.
            LogBatchFailed(logger, exception, batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Its clientMessageId was stored after the service looked (a concurrent retry, here or on another instance).
            batch[0].Outcome.TrySetResult(new ChatWriteOutcome(ChatWriteResult.AlreadySent));
        }
        catch (Exception exception)
        {
            batch[0].Outcome.TrySetException(exception);
        }
    }

    /// <summary>Decides every draft of the batch in order and stages those kept; the caller commits.</summary>
    private async Task<ChatWriteOutcome[]> StageAsync(SessionsDbContext db, List<Pending> batch)
    {
        db.ChangeTracker.Clear(); // a retried transaction starts from nothing
        var now = time.StoredUtcNow();
        // The service looked for each clientMessageId already stored; twice in one batch is a retry racing its first try.
        var sent = new HashSet<(Guid, string, Guid)>();
        var pace = await RecentBySenderAsync(db, batch, now);
        var outcomes = new ChatWriteOutcome[batch.Count];
        var staged = new List<(int Index, ChatMessage Message)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var draft = batch[i].Draft;
            if (!sent.Add((draft.SessionId, draft.SenderId, draft.ClientMessageId)))
            {
                outcomes[i] = new ChatWriteOutcome(ChatWriteResult.AlreadySent);
            }
            else if (draft.Paced && PaceRefusal(pace[draft.SenderId], now) is { } wait)
            {
                outcomes[i] = new ChatWriteOutcome(ChatWriteResult.TooFast, RetryAfter: wait);
            }
            else
            {
                var message = new ChatMessage
                {
                    SessionId = draft.SessionId,
                    SenderId = draft.SenderId,
                    SenderRole = draft.SenderRole,
                    ClientMessageId = draft.ClientMessageId,
                    Text = draft.Text,
                    SentUtc = now,
                };
                db.ChatMessages.Add(message);
                staged.Add((i, message));
            }
        }
        await db.SaveChangesAsync(); // the ids, which attachments and log entries refer to
        foreach (var (index, message) in staged)
        {
            var attachmentIds = batch[index].Draft.AttachmentIds;
            if (attachmentIds.Count > 0 && !await ClaimAsync(db, message, attachmentIds))
            {
                db.ChatMessages.Remove(message);
                outcomes[index] = new ChatWriteOutcome(ChatWriteResult.AttachmentsNotAvailable);
                continue;
            }
            ActivityLog.Record(db, message.SessionId, message.SenderId, new ChatMessagePostedData(message.Id), now);
            outcomes[index] = new ChatWriteOutcome(ChatWriteResult.Stored, message.Id);
        }
        return outcomes;
    }

    /// <summary>
    /// The sender's own uploads to this session that no message has taken yet, all or none: a race for one is lost by the
    /// later message, whose partial claim is released.
    /// </summary>
    private static async Task<bool> ClaimAsync(SessionsDbContext db, ChatMessage message, IReadOnlyList<Guid> attachmentIds)
    {
        var taken = await db.ChatAttachments
            .Where(a => attachmentIds.Contains(a.Id) && a.SessionId == message.SessionId && a.UploaderId == message.SenderId && a.MessageId == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.MessageId, message.Id));
        if (taken == attachmentIds.Count)
        {
            return true;
        }
        await db.ChatAttachments.Where(a => a.MessageId == message.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.MessageId, (long?)null));
        return false;
    }

    /// <summary>When each paced sender sent within the rate window, oldest first; the batch's kept messages are added as they are decided.</summary>
    private static async Task<Dictionary<string, List<DateTime>>> RecentBySenderAsync(SessionsDbContext db, List<Pending> batch, DateTime now)
    {
        var senders = batch.Where(p => p.Draft.Paced).Select(p => p.Draft.SenderId).Distinct().ToList();
        var windowStart = now - ChatRules.RateWindow;
        var recent = senders.Count == 0
            ? []
            : await db.ChatMessages
                .Where(m => senders.Contains(m.SenderId) && m.SentUtc > windowStart)
                .Select(m => new { m.SenderId, m.SentUtc })
                .ToListAsync();
        var bySender = senders.ToDictionary(s => s, _ => new List<DateTime>());
        foreach (var message in recent.OrderBy(m => m.SentUtc))
        {
            bySender[message.SenderId].Add(message.SentUtc);
        }
        return bySender;
    }

    /// <summary>
    /// A student sends at most <see cref="ChatRules.StudentMessagesPerWindow"/> messages in any <see cref="ChatRules.RateWindow"/>,
    /// counted from the stored messages (every instance sees the same count): null and counted, or how long to wait.
    /// </summary>
    private static TimeSpan? PaceRefusal(List<DateTime> recent, DateTime now)
    {
        if (recent.Count >= ChatRules.StudentMessagesPerWindow)
        {
            return recent[^ChatRules.StudentMessagesPerWindow] + ChatRules.RateWindow - now;
        }
        recent.Add(now);
        return null;
    }

    private sealed class Pending(ChatMessageDraft draft)
    {
        public ChatMessageDraft Draft { get; } = draft;

        // Senders' continuations must not run on the writer's loop.
        public TaskCompletionSource<ChatWriteOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} chat messages failed; writing them one at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
