namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// Waits for something a background service does on its own (nothing to await but the state it leaves), checking
/// often and failing the test with <paramref name="what"/> if it never happens.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
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
