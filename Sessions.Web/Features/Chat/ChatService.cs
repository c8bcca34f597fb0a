using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Chat;

/// <summary>
/// A session's chat, for the room page and the API alike: sending (acknowledged once committed, stored once per
/// <c>clientMessageId</c>), history pages, and deleting. Every change is announced on the live bus after its commit.
/// </summary>
public sealed class ChatService(
    IDbContextFactory<SessionsDbContext> dbFactory,
    ChatMessageWriter writer,
    LiveBroadcaster live,
    IAttachmentStore store,
    TimeProvider time,
    ILogger<ChatService> logger)
{
    public async Task<Result<ChatMessageDto>> SendAsync(SessionActor actor, Guid sessionId, SendChatMessageRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var member = access.Value!;
        if (request.ClientMessageId == Guid.Empty)
        {
            return ServiceError.Validation("clientMessageId", "clientMessageId must be a GUID the client chose for this message.");
        }
        // A retry of a message already stored answers as the first try did, whatever has changed since (the session ended, the pace).
        if (await SentAsync(db, sessionId, actor.UserId, request.ClientMessageId, ct) is { } earlier)
        {
            return earlier;
        }
        if (ChatAccess.WriteRefusal(member) is { } closed)
        {
            return closed;
        }
        var attachmentIds = (request.AttachmentIds ?? []).Distinct().ToList();
        var errors = new FieldErrors();
        ChatRules.Text.Check(errors, request.Text);
        if (attachmentIds.Count > ChatMessage.MaxAttachments)
        {
            errors.Add("attachmentIds", $"A message may have at most {ChatMessage.MaxAttachments} attachments.");
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        var draft = new ChatMessageDraft(sessionId, actor.UserId, ChatAccess.RoleOf(member), Paced: !member.Teaches,
            request.ClientMessageId, TextRule.Tidy(request.Text)!, attachmentIds); // required: checked above
        var outcome = await writer.WriteAsync(draft, ct);
        switch (outcome.Result)
        {
            case ChatWriteResult.TooFast:
                return ChatErrors.RateLimited(outcome.RetryAfter);
            case ChatWriteResult.AttachmentsNotAvailable:
                return ServiceError.Validation("attachmentIds",
                    "Each attachment must be a file you uploaded to this session and have not sent with another message.");
            case ChatWriteResult.AlreadySent:
                // The same clientMessageId came in twice at once: answer what the first stored.
                return await SentAsync(db, sessionId, actor.UserId, request.ClientMessageId, ct)
                    ?? throw new InvalidOperationException("A chat message reported as sent is not stored.");
        }
        var sent = (await ProjectAsync(db, db.ChatMessages.Where(m => m.Id == outcome.MessageId), ct)).Single();
        await live.PublishAsync(new ChatMessagePostedMessage(sessionId, member.Session.ClassId, sent), member.Session.EducatorId);
        return sent;
    }

    /// <summary>History, newest first: the page of messages older than <paramref name="before"/> (a message id), or the newest page.</summary>
    public async Task<Result<ChatPageDto>> ListAsync(SessionActor actor, Guid sessionId, long? before, int? limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var pageSize = limit ?? ChatRules.DefaultPageSize;
        if (pageSize is < 1 or > ChatRules.MaxPageSize)
        {
            return ServiceError.Validation("limit", $"limit must be between 1 and {ChatRules.MaxPageSize}.");
        }
        var page = db.ChatMessages.Where(m => m.SessionId == sessionId);
        if (before is { } cursor)
        {
            page = page.Where(m => m.Id < cursor);
        }
        // One more than asked: whether an older page exists, without counting.
        var items = await ProjectAsync(db, page.OrderByDescending(m => m.Id).Take(pageSize + 1), ct);
        return items.Count > pageSize
            ? new ChatPageDto(items[..pageSize], items[pageSize - 1].Id)
            : new ChatPageDto(items, null);
    }

    /// <summary>
    /// Removes a message's words and attachments for everyone. Those who teach the class may delete any message at any time;
    /// a student their own, within <see cref="ChatRules.StudentDeleteWindow"/>. Deleting a deleted message changes nothing.
    /// </summary>
    public async Task<Result<bool>> DeleteAsync(SessionActor actor, Guid sessionId, long messageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var member = access.Value!;
        var message = await db.ChatMessages.AsNoTracking()
            .Where(m => m.Id == messageId && m.SessionId == sessionId)
            .Select(m => new { m.SenderId, m.SentUtc, m.DeletedUtc })
            .SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }
        if (message.DeletedUtc is not null)
        {
            return true;
        }
        var now = time.StoredUtcNow();
        if (!ChatRules.MayDelete(member.Teaches, message.SenderId == actor.UserId, message.SentUtc, now))
        {
            return ChatErrors.DeleteNotAllowed;
        }
        // Only the first of two racing deletes announces it (and is on the log).
        var deleted = await ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var changed = await db.ChatMessages
                .Where(m => m.Id == messageId && m.DeletedUtc == null)
                .ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.Text, (string?)null)
                    .SetProperty(x => x.DeletedUtc, now)
                    .SetProperty(x => x.DeletedById, actor.UserId), ct) == 1;
            if (changed)
            {
                ActivityLog.Record(db, sessionId, actor.UserId, new ChatMessageDeletedData(messageId, message.SenderId), now);
            }
            return changed;
        }, afterCommit: null, ct);
        if (!deleted)
        {
            return true;
        }
        await live.PublishAsync(new ChatMessageDeletedMessage(sessionId, member.Session.ClassId, messageId), member.Session.EducatorId);
        await RemoveFilesAsync(db, messageId, ct);
        return true;
    }

    /// <summary>The deleted message's files go from the store (their rows stay, so reads answer "removed").</summary>
    private async Task RemoveFilesAsync(SessionsDbContext db, long messageId, CancellationToken ct)
    {
        var files = await db.ChatAttachments.Where(a => a.MessageId == messageId)
            .Select(a => new { a.StorageKey, a.ThumbnailKey }).ToListAsync(ct);
        await store.RemoveAsync(files.Select(f => (f.StorageKey, f.ThumbnailKey)), logger);
    }

    private static async Task<ChatMessageDto?> SentAsync(SessionsDbContext db, Guid sessionId, string senderId, Guid clientMessageId, CancellationToken ct) =>
        (await ProjectAsync(db, db.ChatMessages.Where(m => m.SessionId == sessionId && m.SenderId == senderId && m.ClientMessageId == clientMessageId), ct))
        .SingleOrDefault();

    /// <summary>The messages as shown, newest first, with their senders' names and the attachments of those not deleted.</summary>
    private static async Task<List<ChatMessageDto>> ProjectAsync(SessionsDbContext db, IQueryable<ChatMessage> messages, CancellationToken ct)
    {
        var rows = await messages.AsNoTracking()
            .Join(db.Users, m => m.SenderId, u => u.Id, (m, u) => new { Message = m, u.DisplayName })
            .ToListAsync(ct);
        var ids = rows.Where(r => r.Message.DeletedUtc == null).Select(r => (long?)r.Message.Id).ToList();
        var attachments = ids.Count == 0
            ? []
            : await db.ChatAttachments.AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.CreatedUtc).ToListAsync(ct);
        var byMessage = attachments.ToLookup(a => a.MessageId!.Value);
        // A join over an ordered subquery keeps no order in SQL: newest first again here.
        return [.. rows.OrderByDescending(r => r.Message.Id).Select(r => new ChatMessageDto(
            r.Message.Id,
            r.Message.ClientMessageId,
            new ChatSenderDto(r.Message.SenderId, r.DisplayName, r.Message.SenderRole),
            r.Message.Text,
            [.. byMessage[r.Message.Id].Select(ChatAttachmentDto.From)],
            ApiTime.Utc(r.Message.SentUtc),
            r.Message.DeletedUtc is not null,
            ApiTime.Utc(r.Message.DeletedUtc)))];
    }
}
