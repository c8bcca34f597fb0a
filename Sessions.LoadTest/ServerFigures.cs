using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>
/// The memory and CPU figures of every portal instance in a run (<c>--server-urls</c>, comma-separated; default the
/// portal the starts go to), read from each instance directly, since a proxy would answer for whichever one it picked.
/// </summary>
internal sealed class ServerFigures(IReadOnlyList<Uri> urls) : IDisposable
{
    private readonly List<PortalClient> _instances = [.. urls.Select(url => new PortalClient(url))];

    public IReadOnlyList<Uri> Urls => urls;

    public static ServerFigures From(Arguments args, Uri url) =>
        new([.. args.Text("server-urls", url.ToString()).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u))]);

    /// <summary>Each instance's figures, in <see cref="Urls"/> order (null for an instance without the endpoints).</summary>
    public async Task<ProcessFigures?[]> ReadAsync(bool collect) =>
        await Task.WhenAll(_instances.Select(instance => instance.FiguresAsync(collect)));

    /// <summary>The instances together, as if one process; null unless every instance answered.</summary>
    public static ProcessFigures? Total(IReadOnlyList<ProcessFigures?> figures) =>
        figures.Any(f => f is null) ? null
        : figures.Aggregate(new ProcessFigures(0, 0, 0, 0, 0, 0), (sum, f) => new ProcessFigures(
            sum.ResidentBytes + f!.ResidentBytes, sum.GcHeapBytes + f.GcHeapBytes, sum.GcCommittedBytes + f.GcCommittedBytes,
            sum.LiveManagedBytes + f.LiveManagedBytes, sum.Gen2Collections + f.Gen2Collections, sum.ProcessorSeconds + f.ProcessorSeconds));

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }
}
