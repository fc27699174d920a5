using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Notifications;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Conversations;

/// <summary>Adds the member to the group's conversation and tells them (not the owner, who created the group).</summary>
/// <remarks>
/// Idempotent by itself: the membership is applied by its version, and the member is told only when
/// it was (a redelivery applies nothing and tells nobody).
/// </remarks>
[IdempotentConsumer]
public sealed class GroupMemberAddedConsumer(IConversationStore conversations, Notifier notifier) : IConsumer<GroupMemberAdded>
{
    public const string NotificationType = "group-member-added";

    public async Task Consume(ConsumeContext<GroupMemberAdded> context)
    {
        var added = context.Message;
        var conversation = await GroupConversation.EnsureAsync(conversations, added.GroupId, null, added.OccurredAt, context.CancellationToken);
        // Not applied (a redelivery, or a late add after a removal): nobody to tell.
        if (!await conversations.AddMemberAsync(added.GroupId, added.UserId, added.Version, context.CancellationToken) || added.Role == "owner")
        {
            return;
        }

        await notifier.NotifyAsync(new Notification(
            added.UserId,
            TimeUuid.Derive(added.OccurredAt, added.EventId, added.UserId),
            NotificationType,
            conversation.Title is { } title ? $"You were added to {title}." : "You were added to a group.",
            new Dictionary<string, string> { ["groupId"] = added.GroupId.ToString(), ["conversationId"] = added.GroupId.ToString() },
            added.OccurredAt), context.CancellationToken);
    }
}
