using System.Text.Json;

namespace Sessions.LoadTest;

/// <summary>
/// Bearer tokens for many students. Each sign-in costs the portal a PBKDF2 hash of 100,000 rounds (tens of ms of CPU),
/// so 10,000 students would spend minutes signing in on every run: tokens are kept in a file and reused while they
/// are well within the bearer token's one-hour life.
/// </summary>
internal static class StudentTokens
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(45);

    public static async Task<Dictionary<string, string>> GetAsync(
        PortalClient portal, IReadOnlyCollection<string> emails, string cachePath, int concurrency, CancellationToken ct)
    {
        var cache = Load(cachePath);
        var missing = emails.Where(email => !cache.TryGetValue(email, out var cached) || DateTime.UtcNow - cached.IssuedUtc > ReuseFor).ToList();
        var issued = new Dictionary<string, CachedToken>();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (email, _) =>
            {
                var token = new CachedToken(await portal.TokenAsync(email, LargeSeed.Password), DateTime.UtcNow);
                lock (issued)
                {
                    issued[email] = token;
                }
            });
        foreach (var (email, token) in issued)
        {
            cache[email] = token;
        }
        if (issued.Count > 0)
        {
            await File.WriteAllTextAsync(cachePath, JsonSerializer.Serialize(cache), ct);
        }
        Console.WriteLine($"{emails.Count} student tokens: {emails.Count - missing.Count} reused from {cachePath}, {missing.Count} signed in");
        return emails.ToDictionary(email => email, email => cache[email].Token);
    }

    private static Dictionary<string, CachedToken> Load(string cachePath) =>
        File.Exists(cachePath)
            ? JsonSerializer.Deserialize<Dictionary<string, CachedToken>>(File.ReadAllText(cachePath)) ?? []
            : [];

    private sealed record CachedToken(string Token, DateTime IssuedUtc);
}
