using System.Globalization;
using Microsoft.Diagnostics.Runtime;

namespace Sessions.LoadTest;

/// <summary>One type's share of the managed heap.</summary>
internal sealed record HeapShare(string Type, long Count, long Bytes);

/// <summary>
/// What the portal's managed heap holds, by type (count and bytes), read from the live process with ClrMD (the process is
/// suspended while it is read). Two of them, before and after opening circuits, say what a circuit costs and who holds it.
/// Collect first (<c>POST /diagnostics/process/collect</c>) to leave garbage out.
/// </summary>
internal static class HeapHistogram
{
    /// <summary>The <c>heap</c> command: the biggest types on the heap now.</summary>
    public static Task RunAsync(Arguments args)
    {
        var heap = Take(args.Number("pid", 0));
        var top = heap.Values.OrderByDescending(t => t.Bytes).Take(args.Number("top", 60)).ToList();
        JsonReport.Write("heap", new { total = heap.Values.Sum(t => t.Bytes), top }, args);
        Print(top.Take(25));
        return Task.CompletedTask;
    }

    public static Dictionary<string, HeapShare> Take(int pid)
    {
        using var target = DataTarget.AttachToProcess(pid, suspend: true);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var byType = new Dictionary<string, HeapShare>();
        foreach (var item in runtime.Heap.EnumerateObjects())
        {
            var name = item.Type?.Name ?? "<unknown>";
            var share = byType.GetValueOrDefault(name) ?? new HeapShare(name, 0, 0);
            byType[name] = share with { Count = share.Count + 1, Bytes = share.Bytes + (long)item.Size };
        }
        return byType;
    }

    /// <summary>The types that grew most between two readings, per item (a circuit, a connection).</summary>
    public static List<HeapShare> GrowthPerItem(Dictionary<string, HeapShare> before, Dictionary<string, HeapShare> after, int items, int top) =>
        [.. after.Values
            .Select(a => before.GetValueOrDefault(a.Type) is { } b ? a with { Count = a.Count - b.Count, Bytes = a.Bytes - b.Bytes } : a)
            .Select(g => g with { Count = g.Count / items, Bytes = g.Bytes / items })
            .OrderByDescending(g => g.Bytes)
            .Take(top)];

    public static void Print(IEnumerable<HeapShare> shares)
    {
        foreach (var share in shares)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{share.Bytes,12:N0} B {share.Count,9:N0}  {share.Type}"));
        }
    }
}
