using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// Takes the member out of the group's conversation (and it out of their inbox), as of the event's
/// version: an older add arriving later changes nothing.
/// </summary>
public sealed class GroupMemberRemovedConsumer(IConversationStore conversations) : IConsumer<GroupMemberRemoved>
{
    public Task Consume(ConsumeContext<GroupMemberRemoved> context) =>
        conversations.RemoveMemberAsync(context.Message.GroupId, context.Message.UserId, context.Message.Version, context.CancellationToken);
}
