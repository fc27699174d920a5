using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Tripmate.Gateway.Auth;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.RateLimiting;

/// <summary>
/// Chooses each request's counter: none for exempt paths, per client address on the strict paths,
/// otherwise per user when signed in and per client address when not. Each counter is a fixed
/// window shared by every gateway instance through Redis (<see cref="SharedWindowLimiter"/>).
/// </summary>
internal sealed class RateLimitPartitioner
{
    private static readonly RateLimitPartition<string> Exempt = RateLimitPartition.GetNoLimiter("exempt");

    private readonly RateLimitingOptions _options;
    private readonly Func<string, RateLimiter> _general;
    private readonly Func<string, RateLimiter> _strict;

    public RateLimitPartitioner(IOptions<RateLimitingOptions> options, GatewayRedis redis, TimeProvider clock)
    {
        _options = options.Value;
        _general = key => new SharedWindowLimiter(key, _options.General, redis, clock);
        _strict = key => new SharedWindowLimiter(key, _options.Strict, redis, clock);
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

}
