using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// Closes the group's conversation: its members can still read it, nobody can send. Ensured first,
/// so a <see cref="GroupCreated"/> arriving after this finds it closed rather than opening it.
/// </summary>
public sealed class GroupDeletedConsumer(IConversationStore conversations) : IConsumer<GroupDeleted>
{
    public async Task Consume(ConsumeContext<GroupDeleted> context)
    {
        var deleted = context.Message;
        await GroupConversation.EnsureAsync(conversations, deleted.GroupId, null, deleted.OccurredAt, context.CancellationToken);
        await conversations.CloseAsync(deleted.GroupId, deleted.OccurredAt, context.CancellationToken);
    }
}
