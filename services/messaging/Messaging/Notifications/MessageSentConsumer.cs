using MassTransit;
using Tripmate.Contracts.Messaging;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// Notifies every member but the sender of a new message. Done here rather than in the send request:
/// once the event is on the broker, the notifications survive an instance dying mid-way (the event is
/// redelivered and retried), and a send to a large group does not wait for one write per member.
/// Ids derived from the event and the recipient make a redelivery store nothing twice.
/// </summary>
public sealed class MessageSentConsumer(IConversationStore conversations, Notifier notifier) : IConsumer<MessageSent>
{
    public const string NotificationType = "message";

    public async Task Consume(ConsumeContext<MessageSent> context)
    {
        var sent = context.Message;
        var preview = NotificationText.Of(sent.Text);
        var data = new Dictionary<string, string>
        {
            ["conversationId"] = sent.ConversationId.ToString(),
            ["messageId"] = sent.MessageId.ToString(),
            ["senderId"] = sent.SenderId.ToString(),
        };
        foreach (var memberId in await conversations.GetMemberIdsAsync(sent.ConversationId, context.CancellationToken))
        {
            if (memberId != sent.SenderId)
            {
                await notifier.NotifyAsync(new Notification(
                    memberId, TimeUuid.Derive(sent.OccurredAt, sent.EventId, memberId), NotificationType, preview, data, sent.OccurredAt),
                    context.CancellationToken);
            }
        }
    }
}
