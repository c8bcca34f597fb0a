namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// Calls prepared first and let go at one moment, so they meet the server side by side rather than in the order they
/// were written. Awaiting a shared task instead of blocking threads keeps the thread pool free for the servers.
/// </summary>
internal static class Released
{
    public static async Task<T[]> TogetherAsync<T>(IEnumerable<Func<Task<T>>> calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = calls.Select(async call =>
        {
            await gate.Task;
            return await call();
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(waiting);
    }
}
