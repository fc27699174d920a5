using Tripmate.ServiceDefaults.Messaging;
using Tripmate.SocialGraph.Groups;
using Tripmate.SocialGraph.Users;

namespace Tripmate.SocialGraph.Events;

internal static class SocialGraphBus
{
    public const string ServiceName = "social-graph";

    public static IHostApplicationBuilder AddSocialGraphBus(this IHostApplicationBuilder builder) =>
        builder.AddMessageBus(ServiceName, bus =>
        {
            bus.AddConsumer<UserRegisteredConsumer>();
            bus.AddConsumer<UserDeletedConsumer>();
            bus.AddConsumer<GroupMemberAddedConsumer>();
            bus.AddConsumer<GroupMemberRemovedConsumer>();
            bus.AddConsumer<GroupDeletedConsumer>();
        });
}
