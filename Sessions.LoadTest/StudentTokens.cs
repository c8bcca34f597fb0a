using System.Text.Json;

namespace Sessions.LoadTest;

/// <summary>
/// Bearer tokens for many students. Each sign-in costs the portal a PBKDF2 hash of 100,000 rounds (tens of ms of CPU),
/// so 10,000 students would spend minutes signing in on every run: tokens are kept in a file and reused while they
/// are well within the bearer token's life, which the measured portal sets to an hour (scripts/portal.sh; 15 minutes
/// by default).
/// </summary>
internal static class StudentTokens
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(45);

    /// <summary>
    /// The <c>sign-in</c> command: fills the token cache for the students of the first <c>--classes</c> seeded sessions
    /// (and their educators with <c>--educators 1</c>, as the chat scenario needs), so that the CPU this takes is spent
    /// before a measurement rather than during it.
    /// </summary>
    public static async Task SignInAsync(Arguments args)
    {
        var sessions = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), args.Number("classes", 500));
        var withEducators = args.Number("educators", 0) == 1;
        using var portal = new PortalClient(new Uri(args.Text("url")));
        await ForStudentsAsync(portal, sessions.SelectMany(s => withEducators ? s.MemberEmails : s.StudentEmails).ToList(), args, CancellationToken.None);
    }

    /// <summary>Tokens from <c>--token-cache</c> (default: beside a SQLite database), signing in whoever is missing.</summary>
    public static Task<Dictionary<string, string>> ForStudentsAsync(
        PortalClient portal, IReadOnlyCollection<string> emails, Arguments args, CancellationToken ct) =>
        GetAsync(portal, emails, LoadDatabase.From(args).TokenCachePath(args), args.Number("login-concurrency", 4), ct);

    private static async Task<Dictionary<string, string>> GetAsync(
        PortalClient portal, IReadOnlyCollection<string> emails, string cachePath, int concurrency, CancellationToken ct)
    {
        var cache = Load(cachePath);
        var missing = emails.Where(email => !cache.TryGetValue(email, out var cached) || DateTime.UtcNow - cached.IssuedUtc > ReuseFor).ToList();
        // In chunks, each saved, so an interrupted sign-in of thousands keeps what it did.
        foreach (var chunk in missing.Chunk(500))
        {
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
                async (email, _) =>
                {
                    var token = new CachedToken(await portal.TokenAsync(email, LargeSeed.Password), DateTime.UtcNow);
                    lock (cache)
                    {
                        cache[email] = token;
                    }
                });
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
