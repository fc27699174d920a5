using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Groups;

// Memberships are applied by the group's version: a late or redelivered event changes nothing,
// and a removal leaves a tombstone an older add cannot undo.

[IdempotentConsumer]
public sealed class GroupMemberAddedConsumer(IGraphStore graph) : IConsumer<GroupMemberAdded>
{
    public Task Consume(ConsumeContext<GroupMemberAdded> context) =>
        graph.ApplyMembershipAsync(context.Message.GroupId, context.Message.UserId, context.Message.Version, isMember: true, context.CancellationToken);
}

[IdempotentConsumer]
public sealed class GroupMemberRemovedConsumer(IGraphStore graph) : IConsumer<GroupMemberRemoved>
{
    public Task Consume(ConsumeContext<GroupMemberRemoved> context) =>
        graph.ApplyMembershipAsync(context.Message.GroupId, context.Message.UserId, context.Message.Version, isMember: false, context.CancellationToken);
}

public sealed class GroupDeletedConsumer(IGraphStore graph) : IConsumer<GroupDeleted>
{
    public Task Consume(ConsumeContext<GroupDeleted> context) => graph.RemoveGroupAsync(context.Message.GroupId, context.CancellationToken);
}
