namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// Waits for something a background service does on its own (nothing to await but the state it leaves), checking
/// often and failing the test with <paramref name="what"/> if it never happens.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    /// <param name="patience">How long to keep checking; ten seconds unless the work is known to take longer.</param>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; last seen: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
