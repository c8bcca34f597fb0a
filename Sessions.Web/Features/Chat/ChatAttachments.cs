using System.Buffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Chat;

/// <summary>An attachment's file, ready to be sent: <see cref="Inline"/> for images and video, a download for PDFs.</summary>
public sealed record AttachmentContent(Stream Content, string ContentType, string FileName, bool Inline);

/// <summary>
/// Uploading files to a session's chat and reading them back. An upload is streamed to a local file (never whole in memory),
/// judged by its own bytes as it arrives (its kind from the first bytes, its size limit from its kind, refused the moment
/// it passes it), images re-encoded, and only then stored and recorded: a refused or broken upload leaves no file and no row.
/// </summary>
public sealed class ChatAttachments(
    IDbContextFactory<SessionsDbContext> dbFactory,
    IAttachmentStore store,
    IOptions<ChatOptions> options,
    TimeProvider time) : IDisposable
{
    private const int BufferSize = 81920;

    /// <summary>A decoded image may take 200 MB (<see cref="MediaLimits.MaxImagePixels"/> × 4 bytes): one per core at a time.</summary>
    private readonly SemaphoreSlim _reencoding = new(Environment.ProcessorCount);

    public async Task<Result<ChatAttachmentDto>> UploadAsync(SessionActor actor, Guid sessionId, Stream content, string? fileName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        if (ChatAccess.WriteRefusal(access.Value!) is { } closed)
        {
            return closed;
        }
        using var incoming = store.CreateIncoming();
        var received = await ReceiveAsync(content, incoming.Path, ct);
        if (received.Error is { } rejected)
        {
            return rejected;
        }
        var media = received.Value!;
        var attachment = new ChatAttachment
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            UploaderId = actor.UserId,
            Kind = media.Kind,
            ContentType = media.ContentType,
            FileName = CleanFileName(fileName, media),
            Size = new FileInfo(incoming.Path).Length,
            StorageKey = "",
            CreatedUtc = time.StoredUtcNow(),
        };
        attachment.StorageKey = AttachmentKeys.File(sessionId, attachment.Id);
        if (media.Kind == AttachmentKind.Image)
        {
            return await StoreImageAsync(db, attachment, incoming, ct);
        }
        await store.PutAsync(attachment.StorageKey, incoming, ct);
        return await RecordAsync(db, attachment, ct);
    }

    /// <summary>
    /// The file of an attachment (or its thumbnail) for a member of the session's class. Before it is sent, only its uploader
    /// sees it (a preview); once its message is deleted, nobody.
    /// </summary>
    public async Task<Result<AttachmentContent>> OpenAsync(SessionActor actor, Guid sessionId, Guid attachmentId, bool thumbnail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await SessionParticipation.ParticipantAsync(db, actor, sessionId, ct);
        if (access.Error is { } refused)
        {
            return refused;
        }
        var found = await db.ChatAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.SessionId == sessionId)
            .Select(a => new
            {
                Attachment = a,
                Deleted = db.ChatMessages.Any(m => m.Id == a.MessageId && m.DeletedUtc != null),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null || (found.Attachment.MessageId is null && found.Attachment.UploaderId != actor.UserId))
        {
            return ChatErrors.AttachmentNotFound;
        }
        if (found.Deleted)
        {
            return ChatErrors.AttachmentRemoved;
        }
        var attachment = found.Attachment;
        var (key, contentType) = thumbnail ? (attachment.ThumbnailKey, attachment.ThumbnailContentType) : (attachment.StorageKey, attachment.ContentType);
        if (key is null || contentType is null || store.OpenRead(key) is not { } file)
        {
            return ChatErrors.AttachmentNotFound;
        }
        return new AttachmentContent(file, contentType, attachment.FileName, attachment.Kind != AttachmentKind.Pdf);
    }

    /// <summary>Copies the upload to <paramref name="path"/>, deciding its kind from its first bytes and stopping at its kind's limit.</summary>
    private static async Task<Result<SniffedMedia>> ReceiveAsync(Stream content, string path, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            // The header first, whole: a network read may hand over fewer bytes than the sniffer needs.
            var headerLength = await content.ReadAtLeastAsync(buffer.AsMemory(0, MediaSniffer.HeaderLength), MediaSniffer.HeaderLength, throwOnEndOfStream: false, ct);
            if (headerLength == 0)
            {
                return ChatErrors.AttachmentEmpty;
            }
            if (MediaSniffer.Sniff(buffer.AsSpan(0, headerLength)) is not { } media)
            {
                return ChatErrors.UnsupportedMediaType;
            }
            var limit = MediaLimits.MaxBytes(media.Kind);
            long total = headerLength;
            await file.WriteAsync(buffer.AsMemory(0, headerLength), ct);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return ChatErrors.TooLarge(media.Kind);
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return media;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<Result<ChatAttachmentDto>> StoreImageAsync(SessionsDbContext db, ChatAttachment attachment, IncomingFile original, CancellationToken ct)
    {
        using var image = store.CreateIncoming();
        using var thumbnail = store.CreateIncoming();
        Result<ReencodedImage> reencoded;
        await _reencoding.WaitAsync(ct);
        try
        {
            reencoded = ImageReencoder.Reencode(original.Path, attachment.ContentType, image.Path, thumbnail.Path, options.Value.ThumbnailSize);
        }
        finally
        {
            _reencoding.Release();
        }
        if (reencoded.Error is { } unreadable)
        {
            return unreadable;
        }
        var stored = reencoded.Value!;
        attachment.ContentType = stored.ContentType;
        attachment.Width = stored.Width;
        attachment.Height = stored.Height;
        attachment.Size = new FileInfo(image.Path).Length;
        attachment.ThumbnailKey = AttachmentKeys.Thumbnail(attachment.SessionId, attachment.Id);
        attachment.ThumbnailContentType = stored.ThumbnailContentType;
        await store.PutAsync(attachment.StorageKey, image, ct);
        try
        {
            await store.PutAsync(attachment.ThumbnailKey, thumbnail, ct);
        }
        catch
        {
            await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
            throw;
        }
        return await RecordAsync(db, attachment, ct);
    }

    /// <summary>The row, once the files are stored; if it cannot be written, the files go again.</summary>
    private async Task<Result<ChatAttachmentDto>> RecordAsync(SessionsDbContext db, ChatAttachment attachment, CancellationToken ct)
    {
        try
        {
            db.ChatAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
            if (attachment.ThumbnailKey is { } thumbnailKey)
            {
                await store.DeleteAsync(thumbnailKey, CancellationToken.None);
            }
            throw;
        }
        return ChatAttachmentDto.From(attachment);
    }

    /// <summary>
    /// The name shown and offered for download: the last part of the client's name, without control or hidden characters,
    /// at most <see cref="ChatAttachment.FileNameMaxLength"/> long; a GIF stored as PNG says so in its extension.
    /// </summary>
    internal static string CleanFileName(string? fileName, SniffedMedia media)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new string([.. name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && Characters.KindOf(new System.Text.Rune(c)) is CharacterKind.Visible or CharacterKind.Invisible)]).Trim();
        if (clean.Length == 0)
        {
            clean = "attachment";
        }
        if (media.ContentType == "image/gif")
        {
            clean = Path.ChangeExtension(clean, ".png");
        }
        return clean.Length <= ChatAttachment.FileNameMaxLength ? clean : clean[^ChatAttachment.FileNameMaxLength..];
    }

    public void Dispose() => _reencoding.Dispose();
}
