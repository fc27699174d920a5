using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Users;

/// <summary>
/// Forgets what messaging keeps about the user: notifications, inbox rows, memberships. The
/// messages they sent stay, as the other members' record of the conversation.
/// </summary>
public sealed class UserDeletedConsumer(IConversationStore conversations, INotificationStore notifications) : IConsumer<UserDeleted>
{
    public async Task Consume(ConsumeContext<UserDeleted> context)
    {
        // Memberships first: once they are gone no new message notifies the user, so the purge of
        // notifications that follows is not refilled by a message consumed meanwhile.
        await conversations.RemoveUserAsync(context.Message.UserId, context.CancellationToken);
        await notifications.RemoveUserAsync(context.Message.UserId, context.CancellationToken);
    }
}
