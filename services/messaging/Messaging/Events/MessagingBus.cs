using MassTransit;
using Tripmate.Messaging.Notifications;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Events;

internal static class MessagingBus
{
    public static IHostApplicationBuilder AddMessagingBus(this IHostApplicationBuilder builder)
    {
        var prefix = (builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions()).EndpointPrefix;
        builder.AddMessageBus(bus =>
        {
            // Other services consume the same identity events: without the prefix they would share
            // (and steal from) these queues. Instances of messaging share them on purpose.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            bus.AddConsumer<GroupCreatedConsumer>();
            bus.AddConsumer<GroupMemberAddedConsumer>();
            bus.AddConsumer<GroupMemberRemovedConsumer>();
            bus.AddConsumer<GroupDeletedConsumer>();
            bus.AddConsumer<UserDeletedConsumer>();
            bus.AddConsumer<MessageSentConsumer>();

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
