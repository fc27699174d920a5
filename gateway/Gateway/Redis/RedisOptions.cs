namespace Tripmate.Gateway.Redis;

/// <summary>The <c>Redis</c> section: how long the gateway waits for Redis before going on without it.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Connection string name: <c>ConnectionStrings:Redis</c>, StackExchange.Redis syntax (<c>host:port</c>).</summary>
    public const string ConnectionName = "Redis";

    /// <summary>Longest wait for one command; a request never waits longer than this for Redis.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a failed command, Redis is skipped this long before one request probes it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
