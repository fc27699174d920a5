using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tripmate.Gateway.Redis;

/// <summary>
/// Pings Redis. Its absence makes the gateway Degraded, not Unhealthy: requests are still served,
/// only uncached and without rate limits, so an orchestrator must not take the gateway out.
/// </summary>
internal sealed class RedisHealthCheck(GatewayRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return HealthCheckResult.Degraded("Not connected to Redis: caching and rate limiting are off.");
        }

        try
        {
            var latency = await multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer: caching and rate limiting are off.", e);
        }
    }
}
