namespace Tripmate.Gateway.Caching;

/// <summary>
/// The <c>Caching</c> section. What is cached, for how long and under which tags is said by each
/// service on its answers (<c>Cache-Control</c>, <c>Surrogate-Key</c>); these are only the gateway's limits.
/// </summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Start of every Redis key of the cache, used as its Redis Cluster hash tag (see <see cref="CacheScripts"/>).</summary>
    public string KeyPrefix { get; set; } = "gw:cache";

    /// <summary>Larger responses are passed through uncached.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Ceiling on a service's <c>max-age</c>: no entry lives longer, whatever it asks. Eviction marks
    /// live this long plus a minute, so every gateway instance on one Redis must have the same value.
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a path shape (route and path with its ids blanked) whose last 200 came back unmarked
    /// is forwarded without asking Redis first; any marked answer of that shape ends it at once.
    /// Zero asks Redis on every GET.
    /// </summary>
    public TimeSpan UnmarkedPathMemory { get; set; } = TimeSpan.FromSeconds(30);
}
