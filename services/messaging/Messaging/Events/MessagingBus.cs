using MassTransit;
using Tripmate.Messaging.Notifications;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Events;

internal static class MessagingBus
{
    public static IHostApplicationBuilder AddMessagingBus(this IHostApplicationBuilder builder)
    {
        var prefix = (builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions()).EndpointPrefix;
        // Other services consume the same identity events: without the prefix they would share (and
        // steal from) these queues. Instances of messaging share them on purpose. Named per consumer
        // because the shared bus setup has already chosen the unprefixed formatter.
        var names = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false);
        builder.AddMessageBus(bus =>
        {
            // Spelled out per consumer: a generic helper here left all but the first on unprefixed queues.
            bus.AddConsumer<GroupCreatedConsumer>().Endpoint(e => e.Name = names.Consumer<GroupCreatedConsumer>());
            bus.AddConsumer<GroupMemberAddedConsumer>().Endpoint(e => e.Name = names.Consumer<GroupMemberAddedConsumer>());
            bus.AddConsumer<GroupMemberRemovedConsumer>().Endpoint(e => e.Name = names.Consumer<GroupMemberRemovedConsumer>());
            bus.AddConsumer<GroupDeletedConsumer>().Endpoint(e => e.Name = names.Consumer<GroupDeletedConsumer>());
            bus.AddConsumer<UserDeletedConsumer>().Endpoint(e => e.Name = names.Consumer<UserDeletedConsumer>());
            bus.AddConsumer<MessageSentConsumer>().Endpoint(e => e.Name = names.Consumer<MessageSentConsumer>());

            // One queue per instance, deleted when it stops: every instance gets every notification
            // and pushes it to the streams connected there.
            bus.AddConsumer<NotificationFanOutConsumer>().Endpoint(endpoint =>
            {
                endpoint.Name = $"{prefix}-notification-fan-out-{Guid.NewGuid():N}";
                endpoint.Temporary = true;
            });
        });
        return builder;
    }
}
