using Tripmate.Gateway.Auth;

namespace Tripmate.Gateway.Caching;

/// <summary>Writes through the gateway evict what they change, so a client that writes then reads sees its write.</summary>
internal static class WriteEviction
{
    /// <summary>
    /// Evicts just before the answer starts, once its status is known: the client cannot read
    /// before the eviction is done, so it sees its own write.
    /// </summary>
    public static void EvictWhenSuccessful(HttpContext context, EvictionRule rule, in RouteValueRanges values, ResponseCacheStore store)
    {
        var caller = Caller.UserIdOf(context.User);
        var path = context.Request.Path.Value!;
        var tags = new List<string>(rule.Tags.Count);
        foreach (var template in rule.Tags)
        {
            if (template.Format(path, values, caller) is { } tag)
            {
                tags.Add(tag);
            }
        }

        context.Response.OnStarting(() =>
            context.Response.StatusCode is >= 200 and < 300 ? store.EvictAsync(tags) : Task.CompletedTask);
    }
}
