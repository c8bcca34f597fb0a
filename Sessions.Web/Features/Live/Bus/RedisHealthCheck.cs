using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Sessions.Web.Features.Live.Bus;

/// <summary>Ready only while Redis answers and this instance's subscription holds: without it, its users would hear nothing.</summary>
public sealed class RedisHealthCheck(RedisLiveBus bus) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = bus.Redis;
            if (!redis.GetSubscriber().IsConnected(bus.Channel))
            {
                return HealthCheckResult.Unhealthy("The live bus is not subscribed to Redis.");
            }
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (Exception exception) when (exception is RedisException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", exception);
        }
    }
}
