using Tripmate.Files.Catalog;
using Tripmate.Files.Groups;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Events;

internal static class FilesBus
{
    public const string ServiceName = "files";

    public static IHostApplicationBuilder AddFilesBus(this IHostApplicationBuilder builder) =>
        builder.AddMessageBus(ServiceName, bus =>
        {
            bus.AddConsumer<GroupMemberAddedConsumer>();
            bus.AddConsumer<GroupMemberRemovedConsumer>();
            bus.AddConsumer<GroupDeletedConsumer>();
            bus.AddConsumer<UserDeletedConsumer>();
        });
}
