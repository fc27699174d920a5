using Tripmate.Gateway.Caching;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Gateway;

/// <summary>
/// The gateway's consumers, in one place. Every gateway instance shares each queue (competing
/// consumers) where what they act on (the Redis cache) is shared, so one delivery per event is
/// enough; per-instance consumers are for what each instance keeps in memory.
/// </summary>
internal static class GatewayBus
{
    public static IHostApplicationBuilder AddGatewayBus(this IHostApplicationBuilder builder) =>
        // The revocation list's consumer is every service's (AddMessageBus adds it).
        builder.AddMessageBus("gateway", bus => bus.AddConsumer<CacheTagsInvalidatedConsumer>());
}
