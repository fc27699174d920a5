using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Identity.Events;

/// <summary>Identity only publishes (through its outbox): its bus has no consumers.</summary>
internal static class IdentityBus
{
    public const string ServiceName = "identity";

    public static IHostApplicationBuilder AddIdentityBus(this IHostApplicationBuilder builder) => builder.AddMessageBus(ServiceName);
}
