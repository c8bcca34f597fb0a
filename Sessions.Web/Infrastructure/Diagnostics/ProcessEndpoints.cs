using System.Diagnostics;
using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sessions.Web.Infrastructure.Diagnostics;

/// <summary>
/// The portal's own memory and CPU figures for the load tool (docs/performance.md): off unless <c>Diagnostics:ProcessEndpoints</c>
/// is true, and then answered only to loopback callers, because a forced full GC is a cheap way to stall a server.
/// </summary>
public static class ProcessEndpoints
{
    public const string Path = "/diagnostics/process";
    public const string CollectPath = "/diagnostics/process/collect";
    public const string EnabledKey = "Diagnostics:ProcessEndpoints";

    public static IEndpointRouteBuilder MapProcessEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(EnabledKey))
        {
            return app;
        }
        var diagnostics = app.MapGroup("").ExcludeFromDescription().AddEndpointFilter(LoopbackOnlyAsync);
        diagnostics.MapGet(Path, () => TypedResults.Ok(ProcessFigures.Now()));
        diagnostics.MapPost(CollectPath, Collect);
        return app;
    }

    /// <summary>
    /// A full, blocking, compacting collection (twice, so objects freed by finalizers go too), with the large object heap
    /// compacted and unused memory given back, so that heap and RSS deltas measure what is alive rather than garbage.
    /// </summary>
    private static Ok<ProcessFigures> Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return TypedResults.Ok(ProcessFigures.Now());
    }

    private static async ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
            ? await next(context)
            : TypedResults.NotFound();
}

/// <summary>
/// Bytes: the process's resident set, the managed heap after the last GC, and what is live in it now; the CPU time the
/// process has used so far, so that two readings give the CPU a run cost the server.
/// </summary>
public sealed record ProcessFigures(
    long ResidentBytes, long GcHeapBytes, long GcCommittedBytes, long LiveManagedBytes, int Gen2Collections, double ProcessorSeconds)
{
    public static ProcessFigures Now()
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        return new ProcessFigures(process.WorkingSet64, info.HeapSizeBytes, info.TotalCommittedBytes,
            GC.GetTotalMemory(forceFullCollection: false), GC.CollectionCount(2), process.TotalProcessorTime.TotalSeconds);
    }
}
