using Tripmate.Messaging.Conversations;
using Tripmate.Messaging.Notifications;
using Tripmate.Messaging.Relationships;
using Tripmate.Messaging.Users;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Events;

internal static class MessagingBus
{
    public const string ServiceName = "messaging";

    public static IHostApplicationBuilder AddMessagingBus(this IHostApplicationBuilder builder) =>
        builder.AddMessageBus(ServiceName, bus =>
        {
            bus.AddConsumer<GroupCreatedConsumer>();
            bus.AddConsumer<GroupMemberAddedConsumer>();
            bus.AddConsumer<GroupMemberRemovedConsumer>();
            bus.AddConsumer<GroupDeletedConsumer>();
            bus.AddConsumer<UserDeletedConsumer>();
            bus.AddConsumer<UserRegisteredConsumer>();
            bus.AddConsumer<UserDeletedDirectoryConsumer>();
            bus.AddConsumer<MessageSentConsumer>();
            bus.AddConsumer<UserFollowedConsumer>();
            bus.AddConsumer<UserBlockedConsumer>();
            bus.AddConsumer<UserUnblockedConsumer>();
            bus.AddConsumer<FileSharedConsumer>();
            bus.AddPerInstanceConsumer<NotificationFanOutConsumer>();
        });
}
