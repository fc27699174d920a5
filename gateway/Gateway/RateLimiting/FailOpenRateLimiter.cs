using System.Threading.RateLimiting;
using StackExchange.Redis;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.RateLimiting;

/// <summary>
/// Wraps a Redis-backed limiter so that Redis being away lets requests through (fail open): the
/// limits protect the services, but refusing every request while Redis is down would be the
/// outage they are meant to prevent. <see cref="GatewayRedis"/> logs the outage once; while its
/// circuit is open no Redis call is attempted. Also reports idleness, which the Redis limiters do
/// not, so partitions of clients that went quiet are dropped from memory.
/// </summary>
internal sealed class FailOpenRateLimiter(RateLimiter inner, GatewayRedis redis) : RateLimiter
{
    private static readonly RateLimitLease Allowed = new FixedLease(acquired: true);
    private static readonly RateLimitLease NotYet = new FixedLease(acquired: false);

    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>A counter in Redis cannot be checked synchronously: the caller falls back to <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, Environment.TickCount64);
        if (!redis.IsAvailable)
        {
            return Allowed;
        }

        try
        {
            var lease = await inner.AcquireAsync(permitCount, cancellationToken);
            redis.ReportSuccess();
            return lease;
        }
        // InvalidOperationException: StackExchange.Redis's pipe reader, completed when a connection
        // breaks under the command ("Reading is not allowed after reader was completed").
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidOperationException)
        {
            redis.ReportFailure(e);
            return Allowed;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A lease without metadata (no Retry-After): the answer is known without asking Redis.</summary>
    private sealed class FixedLease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
