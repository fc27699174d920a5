using Tripmate.Contracts;
using Tripmate.Contracts.Messaging;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Messages;

/// <summary>
/// Stores a sent message once per idempotency key, together with the <see cref="MessageSent"/> that
/// announces it (the store's outbox): the send never waits for the broker, and while the broker
/// is away the event waits in the store and goes out when it returns.
/// </summary>
public sealed class MessageSender(IMessageStore messages)
{
    /// <summary>
    /// The caller has checked membership and that the conversation is open; <paramref name="memberIds"/>
    /// get the inbox update; <paramref name="alsoAnnounced"/> are committed with the message too.
    /// </summary>
    public async Task<Message> SendAsync(
        Guid conversationId, Guid senderId, IReadOnlyList<Guid> memberIds, string text, IReadOnlyList<Guid> attachmentFileIds,
        string? idempotencyKey, IReadOnlyCollection<IntegrationEvent> alsoAnnounced, CancellationToken cancellationToken)
    {
        var id = TimeUuid.NewId(DateTimeOffset.UtcNow);
        var message = new Message(conversationId, id, senderId, text, attachmentFileIds, SentAt(id));
        if (idempotencyKey is not null)
        {
            // Scoped to the conversation, so a key reused elsewhere cannot return another conversation's message.
            var earlierId = await messages.ClaimIdempotencyKeyAsync(senderId, $"{conversationId:N}/{idempotencyKey}", id, cancellationToken);
            if (earlierId is { } earlier)
            {
                if (await messages.FindAsync(conversationId, earlier, cancellationToken) is { } stored)
                {
                    return stored; // its events were committed with it
                }

                // The first attempt claimed the key but has not stored its message (yet, or ever: it
                // may have died). Store it under the claimed id; one id appended twice is stored once.
                message = message with { Id = earlier, SentAt = SentAt(earlier) };
            }
        }

        await messages.AppendAsync(message, memberIds, [.. EventsOf(message), .. alsoAnnounced], cancellationToken);
        return message;
    }

    /// <summary>The send time as stores keep it (milliseconds, like Cassandra), so a first answer and a retry's agree.</summary>
    private static DateTimeOffset SentAt(Guid messageId) =>
        DateTimeOffset.FromUnixTimeMilliseconds(TimeUuid.GetTimestamp(messageId).ToUnixTimeMilliseconds());

    private static IReadOnlyCollection<IntegrationEvent> EventsOf(Message message) =>
    [
        new MessageSent(message.ConversationId, message.Id, message.SenderId, message.Text ?? "", message.AttachmentFileIds)
        {
            // Both from the id, which never changes: however often the send is retried, it is one event.
            EventId = message.Id,
            OccurredAt = TimeUuid.GetTimestamp(message.Id),
        },
    ];
}
