namespace Sessions.Web.Features.Chat;

/// <summary>
/// Where checked attachment files are kept, by key. Uploads are first written to a local <see cref="IncomingFile"/>
/// (checked and re-encoded there), then handed over whole with <see cref="PutAsync"/>: the store never sees a partial file.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>A new empty local file for an upload in progress; disposing it deletes it unless it was handed to <see cref="PutAsync"/>.</summary>
    IncomingFile CreateIncoming();

    /// <summary>Takes the finished local file under <paramref name="key"/> (the local file is gone afterwards).</summary>
    Task PutAsync(string key, IncomingFile file, CancellationToken ct);

    /// <summary>The stored file, readable and seekable (for range requests), or null when there is none.</summary>
    Stream? OpenRead(string key);

    /// <summary>Removes the file; a key with no file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>A local file an upload is written to; deleted on dispose unless kept by the store.</summary>
public sealed class IncomingFile(string path) : IDisposable
{
    public string Path { get; } = path;

    internal bool Kept { get; set; }

    public void Dispose()
    {
        if (!Kept)
        {
            File.Delete(Path);
        }
    }
}
