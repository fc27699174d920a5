using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// A message notification shows the message as it is now, not as it was sent: the edited text, or
/// none once it is deleted. Read when listed (one point read per message on the page) rather than
/// rewritten on every edit, which would need an index from messages to their notifications. A
/// reader no longer in the conversation keeps what they were shown.
/// </summary>
public sealed class CurrentMessageTexts(IMessageStore messages, IConversationStore conversations)
{
    public async Task<IReadOnlyList<NotificationResponse>> ApplyAsync(
        Guid readerId, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var current = new Dictionary<Guid, string?>();
        var memberOf = new Dictionary<Guid, bool>();
        var answers = new List<NotificationResponse>(notifications.Count);
        foreach (var notification in notifications)
        {
            var answer = NotificationResponse.From(notification);
            if (MessageOf(notification) is var (conversationId, messageId))
            {
                if (!memberOf.TryGetValue(conversationId, out var isMember))
                {
                    memberOf[conversationId] = isMember = await conversations.IsMemberAsync(conversationId, readerId, cancellationToken);
                }

                if (isMember)
                {
                    if (!current.TryGetValue(messageId, out var text))
                    {
                        var message = await messages.FindAsync(conversationId, messageId, cancellationToken);
                        current[messageId] = text = message is { IsDeleted: false, Text: { } now } ? NotificationText.Of(now) : null;
                    }

                    answer = answer with { Text = text };
                }
            }

            answers.Add(answer);
        }

        return answers;
    }

    private static (Guid ConversationId, Guid MessageId)? MessageOf(Notification notification) =>
        notification.Type == MessageSentConsumer.NotificationType
        && notification.Data.TryGetValue("conversationId", out var conversation) && Guid.TryParse(conversation, out var conversationId)
        && notification.Data.TryGetValue("messageId", out var message) && Guid.TryParse(message, out var messageId)
            ? (conversationId, messageId)
            : null;
}
