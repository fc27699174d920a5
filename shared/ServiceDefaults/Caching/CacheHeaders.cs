namespace Tripmate.ServiceDefaults.Caching;

/// <summary>
/// The response headers between a service and the gateway's cache, besides the standard
/// <c>Cache-Control</c>. The gateway removes both before an answer leaves it.
/// </summary>
public static class CacheHeaders
{
    /// <summary>On a GET answer: the tags it depends on, space-separated (as Fastly's <c>Surrogate-Key</c>).</summary>
    public const string Tags = "Surrogate-Key";

    /// <summary>
    /// On a write's answer: the tags whose cached answers it made stale, space-separated. The gateway
    /// evicts them before passing the answer on, so the writer's next read is fresh.
    /// </summary>
    public const string Invalidate = "Surrogate-Key-Invalidate";
}
