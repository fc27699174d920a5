using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using Tripmate.Gateway.Auth;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.RateLimiting;

/// <summary>
/// Chooses each request's counter: none for exempt paths, per client address on the strict paths,
/// otherwise per user when signed in and per client address when not. Each counter is a Redis
/// fixed window (one script call per request) shared by every gateway instance.
/// </summary>
internal sealed class RateLimitPartitioner
{
    private static readonly RateLimitPartition<string> Exempt = RateLimitPartition.GetNoLimiter("exempt");

    private readonly RateLimitingOptions _options;
    private readonly Func<string, RateLimiter> _general;
    private readonly Func<string, RateLimiter> _strict;

    public RateLimitPartitioner(IOptions<RateLimitingOptions> options, GatewayRedis redis)
    {
        _options = options.Value;
        _general = key => Limiter(key, _options.General, redis);
        _strict = key => Limiter(key, _options.Strict, redis);
    }

    public RateLimitPartition<string> Partition(HttpContext context)
    {
        var path = context.Request.Path;
        foreach (var exempt in _options.ExemptPaths)
        {
            if (path.StartsWithSegments(exempt, StringComparison.OrdinalIgnoreCase))
            {
                return Exempt;
            }
        }

        foreach (var strict in _options.StrictPaths)
        {
            if (path.StartsWithSegments(strict, StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.Get(string.Concat(_options.KeyPrefix, ":strict:", ClientAddress(context)), _strict);
            }
        }

        var key = Caller.UserIdOf(context.User) is { } user
            ? string.Concat(_options.KeyPrefix, ":user:", user)
            : string.Concat(_options.KeyPrefix, ":ip:", ClientAddress(context));
        return RateLimitPartition.Get(key, _general);
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FailOpenRateLimiter Limiter(string key, FixedWindowLimit limit, GatewayRedis redis) =>
        new(new RedisFixedWindowRateLimiter<string>(key, new RedisFixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            ConnectionMultiplexerFactory = () => redis.Multiplexer
                ?? throw new InvalidOperationException("Redis is used before the host has started."),
        }), redis);
}
