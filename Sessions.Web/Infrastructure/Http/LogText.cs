namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// Values a caller chose (a path, a header, a framework message echoing a route value), made fit for a log line: short,
/// so a flood of requests cannot flood the log, and on one line, so a value cannot forge entries of its own.
/// </summary>
public static class LogText
{
    /// <summary>A value on its own: a path, an origin.</summary>
    public const int ValueLength = 100;

    /// <summary>A framework sentence about a value, such as "Failed to bind parameter … from …": the sentence and about a value's worth.</summary>
    public const int SentenceLength = 200;

    public static string Shorten(string? value, int maxLength = ValueLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var kept = value.Length > maxLength ? value[..maxLength] : value;
        var text = string.Create(kept.Length, kept, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '\uFFFD' : source[i];
            }
        });
        return value.Length > maxLength ? text + "…" : text;
    }
}
