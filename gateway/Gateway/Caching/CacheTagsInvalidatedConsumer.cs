using MassTransit;
using Tripmate.Contracts.Caching;
using Tripmate.ServiceDefaults.Caching;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Evicts what any service reports changed, including changes made without going through the
/// gateway. One queue for all gateway instances: the cache they share needs one eviction per event.
/// </summary>
public sealed class CacheTagsInvalidatedConsumer(ResponseCacheStore cache) : IConsumer<CacheTagsInvalidated>
{
    public Task Consume(ConsumeContext<CacheTagsInvalidated> context) =>
        cache.EvictAsync(CacheTag.Parse(context.Message.Tags ?? []));
}
