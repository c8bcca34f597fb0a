using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Chat;

/// <summary>
/// Attachments as files under <see cref="ChatOptions.StorageRoot"/>: one folder per session, and an <c>incoming</c> folder
/// on the same disk for uploads in progress, so that handing one over is a rename (whole or not at all).
/// </summary>
public sealed class FileSystemAttachmentStore : IAttachmentStore
{
    private const string IncomingFolder = ".incoming";

    private readonly string _root;
    private readonly string _incoming;

    public FileSystemAttachmentStore(IOptions<ChatOptions> options, IHostEnvironment environment)
    {
        _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.StorageRoot));
        _incoming = Path.Combine(_root, IncomingFolder);
        Directory.CreateDirectory(_incoming);
    }

    /// <summary>The folder files are kept in, resolved against the content root.</summary>
    public string Root => _root;

    public IncomingFile CreateIncoming()
    {
        var path = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        // Created empty now, so the caller's dispose always has something to delete.
        File.Create(path).Dispose();
        return new IncomingFile(path);
    }

    public Task PutAsync(string key, IncomingFile file, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(file.Path, target, overwrite: false);
        file.Kept = true;
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Keys are built by the app from GUIDs (<see cref="AttachmentKeys"/>); anything that would leave the root is a bug.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path.StartsWith(_incoming, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The attachment key {key} points outside the store.", nameof(key));
        }
        return path;
    }
}

/// <summary>The store keys of an attachment's files.</summary>
public static class AttachmentKeys
{
    public static string File(Guid sessionId, Guid attachmentId) => $"{sessionId:N}/{attachmentId:N}";

    public static string Thumbnail(Guid sessionId, Guid attachmentId) => $"{sessionId:N}/{attachmentId:N}.thumb";
}
