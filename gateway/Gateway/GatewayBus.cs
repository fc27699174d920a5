using Tripmate.Gateway.Caching;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Gateway;

/// <summary>
/// The gateway's consumers, in one place. Every gateway instance shares each queue (competing
/// consumers): what they act on (the Redis cache) is shared, so one delivery per event is enough.
/// </summary>
internal static class GatewayBus
{
    public static IHostApplicationBuilder AddGatewayBus(this IHostApplicationBuilder builder) =>
        builder.AddMessageBus("gateway", bus =>
        {
            bus.AddConsumer<CacheTagsInvalidatedConsumer>();
        });
}
