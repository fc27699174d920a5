using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Files.Catalog;
using Tripmate.Files.Store;

namespace Tripmate.Files.Groups;

/// <summary>Drops every share with the group, and tombstones its members so no late add makes anyone a member again.</summary>
public sealed class GroupDeletedConsumer(FileRemoval removal, GroupMemberships memberships) : IConsumer<GroupDeleted>
{
    public async Task Consume(ConsumeContext<GroupDeleted> context)
    {
        var deleted = context.Message;
        foreach (var userId in await memberships.KnownMembersAsync(deleted.GroupId, context.CancellationToken))
        {
            await memberships.RemoveAsync(deleted.GroupId, userId, deleted.Version, context.CancellationToken);
        }

        await removal.DropSharesWithAsync(ShareTarget.Group(deleted.GroupId), context.CancellationToken);
    }
}
