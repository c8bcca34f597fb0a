using System.Globalization;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>Server memory per item (a hub connection, a circuit), in bytes: resident set and managed heap, each after a full GC.</summary>
internal sealed record MemoryDelta(long ResidentBytes, long GcHeapBytes)
{
    /// <summary>Null when the portal does not serve its memory figures.</summary>
    public static MemoryDelta? PerItem(ProcessFigures? before, ProcessFigures? after, int count) =>
        before is null || after is null || count == 0
            ? null
            : new MemoryDelta((after.ResidentBytes - before.ResidentBytes) / count, (after.GcHeapBytes - before.GcHeapBytes) / count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RSS {ResidentBytes / 1024.0:0.0} KB, managed heap {GcHeapBytes / 1024.0:0.0} KB");
}
