namespace Sessions.Web.Features.Chat;

/// <summary>Removing the files of attachments whose rows say they are gone.</summary>
public static partial class AttachmentFiles
{
    /// <summary>
    /// Deletes each attachment's file and thumbnail. The rows already say the files are gone, so a file that cannot be
    /// removed is logged (to be cleaned by hand), not answered as a failure of what removed it.
    /// </summary>
    public static async Task RemoveAsync(this IAttachmentStore store, IEnumerable<(string StorageKey, string? ThumbnailKey)> files, ILogger logger)
    {
        foreach (var key in files.SelectMany(f => new[] { f.StorageKey, f.ThumbnailKey }).OfType<string>())
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (IOException exception)
            {
                LogFileNotRemoved(logger, exception, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attachment file {Key} could not be removed")]
    private static partial void LogFileNotRemoved(ILogger logger, Exception exception, string key);
}
