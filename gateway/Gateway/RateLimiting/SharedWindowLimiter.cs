using System.Threading.RateLimiting;
using StackExchange.Redis;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.RateLimiting;

/// <summary>
/// A fixed-window limit on one counter shared by every gateway instance through Redis, without a
/// Redis call per request. An instance reserves permits from the window's shared count a chunk at
/// a time (one INCRBY) and hands them out from memory; a reservation that would pass the limit is
/// cut to what is left, so all instances together never grant more than the limit. The price: a
/// client spread over several instances may be refused up to (chunk - 1) permits per instance
/// early, since permits reserved by an instance it stopped using go unused. The chunk is a
/// twentieth of the limit, so small limits (sign-in) still count every request in Redis.
/// Why not RedisRateLimiting's limiter: one script call per request was half of the gateway's CPU
/// at saturation (load-tests/Tripmate.Load/Performance/forward-path.md).
/// Redis being away lets requests through (fail open): the limits protect the services, but
/// refusing everything while Redis is down would be the outage they exist to prevent.
/// </summary>
internal sealed class SharedWindowLimiter(string key, FixedWindowLimit limit, GatewayRedis redis, TimeProvider clock) : RateLimiter
{
    /// <summary>KEYS[1] the window's counter, ARGV[1] the chunk, ARGV[2] its lifetime in ms. Returns the new count.</summary>
    private const string Reserve = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        if count == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return count
        """;

    private static readonly RateLimitLease Allowed = new Lease(acquired: true, retryAfter: null);

    private readonly int _chunk = Math.Max(1, limit.PermitLimit / 20);
    private readonly Lock _lock = new();
    private long _window = -1;
    private int _reserved; // permits this instance holds for _window
    private bool _spent; // the window's shared count reached the limit
    private Task<int>? _reserving; // one reservation in flight per limiter, the others wait for it
    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TryTakeLocal(Window(), out var lease) ? lease : Refused(Window());

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, Environment.TickCount64);
        while (true)
        {
            var window = Window();
            Task<int> reserving;
            lock (_lock)
            {
                if (TryTakeLocal(window, out var lease))
                {
                    return lease;
                }

                reserving = _reserving ??= ReserveAsync(window);
            }

            var granted = await reserving;
            lock (_lock)
            {
                if (_reserving == reserving)
                {
                    _reserving = null;
                    if (granted < 0)
                    {
                        return Allowed; // Redis is away: fail open
                    }

                    if (_window == window)
                    {
                        _reserved += granted;
                        _spent |= granted < _chunk;
                    }
                }
            }
        }
    }

    /// <summary>Serves from this instance's reservation, or refuses when the window's count is spent; false when Redis must be asked.</summary>
    private bool TryTakeLocal(long window, out RateLimitLease lease)
    {
        lock (_lock)
        {
            if (window != _window)
            {
                (_window, _reserved, _spent) = (window, 0, false);
            }

            if (_reserved > 0)
            {
                _reserved--;
                lease = Allowed;
                return true;
            }

            lease = Refused(window);
            return _spent;
        }
    }

    /// <returns>How many permits of <paramref name="window"/> this instance got (0..chunk), or -1 when Redis could not be asked.</returns>
    private async Task<int> ReserveAsync(long window)
    {
        if (!redis.TryGetDatabase(out var db))
        {
            return -1;
        }

        try
        {
            var count = (long)await db.ScriptEvaluateAsync(Reserve, [(RedisKey)$"{key}:{window}"],
                [_chunk, (long)limit.Window.TotalMilliseconds + 1000]);
            redis.ReportSuccess();
            return (int)Math.Clamp(limit.PermitLimit - (count - _chunk), 0, _chunk);
        }
        // InvalidOperationException: StackExchange.Redis's pipe reader, completed when a connection
        // breaks under the command ("Reading is not allowed after reader was completed").
        // OperationCanceledException: a command timing out on a starved machine (seen as a 500 on /docs).
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            redis.ReportFailure(e);
            return -1;
        }
    }

    /// <summary>Windows are aligned on the clock (not on a first request), so every instance agrees on which one is current.</summary>
    private long Window() => clock.GetUtcNow().UtcTicks / limit.Window.Ticks;

    private Lease Refused(long window) =>
        new(acquired: false, retryAfter: TimeSpan.FromTicks((window + 1) * limit.Window.Ticks - clock.GetUtcNow().UtcTicks));

    /// <summary>A refusal says when the window ends (<see cref="MetadataName.RetryAfter"/>).</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
