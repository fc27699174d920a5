using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Groups;

/// <summary>Records the membership as of the event's version (see <see cref="GroupMemberships"/>).</summary>
/// <remarks>Idempotent by itself: the objects it writes are keyed by the version, so a redelivery rewrites the same two.</remarks>
[IdempotentConsumer]
public sealed class GroupMemberAddedConsumer(GroupMemberships memberships) : IConsumer<GroupMemberAdded>
{
    public Task Consume(ConsumeContext<GroupMemberAdded> context) =>
        memberships.AddAsync(context.Message.GroupId, context.Message.UserId, context.Message.Version, context.CancellationToken);
}

/// <summary>From this event on the user no longer reads the files shared with the group; an older add arriving later changes nothing.</summary>
[IdempotentConsumer]
public sealed class GroupMemberRemovedConsumer(GroupMemberships memberships) : IConsumer<GroupMemberRemoved>
{
    public Task Consume(ConsumeContext<GroupMemberRemoved> context) =>
        memberships.RemoveAsync(context.Message.GroupId, context.Message.UserId, context.Message.Version, context.CancellationToken);
}
