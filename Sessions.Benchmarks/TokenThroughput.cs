using System.Diagnostics;
using System.Text.Json;
using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Benchmarks;

/// <summary>
/// Our builder in a tight loop on one thread, for the side-by-side run with Agora's Node builder
/// (scripts/measure-tokens.sh): the same inputs and the same JSON line as <c>node-reference/token-throughput.mjs</c>.
/// </summary>
internal static class TokenThroughput
{
    public static void Run(double seconds)
    {
        var benchmarks = new TokenBenchmarks();
        Loop(benchmarks, Math.Min(2, seconds / 5));
        var clock = Stopwatch.StartNew();
        var tokens = Loop(benchmarks, seconds);
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            builder = $"Sessions AgoraTokenBuilder on .NET {Environment.Version}",
            tokens,
            seconds = elapsed,
            tokensPerSecond = Math.Round(tokens / elapsed),
        }));
    }

    private static long Loop(TokenBenchmarks benchmarks, double seconds)
    {
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long tokens = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            for (var i = 0; i < 100; i++)
            {
                benchmarks.RtcPublisherToken();
            }
            tokens += 100;
        }
        return tokens;
    }
}
