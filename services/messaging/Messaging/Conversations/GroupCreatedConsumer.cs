using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

/// <summary>Opens the group's conversation with its owner in it.</summary>
public sealed class GroupCreatedConsumer(IConversationStore conversations) : IConsumer<GroupCreated>
{
    public async Task Consume(ConsumeContext<GroupCreated> context)
    {
        var created = context.Message;
        await GroupConversation.EnsureAsync(conversations, created.GroupId, created.Name, created.OccurredAt, context.CancellationToken);
        await conversations.AddMemberAsync(created.GroupId, created.OwnerId, created.Version, context.CancellationToken);
    }
}
