using System.Security.Cryptography;

namespace Sessions.Web.Features.Notifications;

/// <summary>Capped exponential backoff with jitter, so many rows retrying after an outage do not hit Firestore in step.</summary>
public static class RetryPolicy
{
    /// <summary>Between half and all of <c>base × 2^(attempts−1)</c>, capped at <paramref name="max"/>.</summary>
    public static TimeSpan DelayAfter(int attempts, TimeSpan @base, TimeSpan max)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(@base.Ticks * Math.Pow(2, exponent), max.Ticks);
        var jitter = RandomNumberGenerator.GetInt32(0, 1001) / 1000.0;
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (0.5 * jitter))));
    }
}
