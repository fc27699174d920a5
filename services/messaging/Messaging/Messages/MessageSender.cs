using MassTransit;
using Microsoft.Extensions.Options;
using Tripmate.Contracts.Messaging;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Messages;

/// <summary>Stores a sent message once per idempotency key and announces it with <see cref="MessageSent"/>.</summary>
public sealed class MessageSender(
    IMessageStore messages,
    IPublishEndpoint publisher,
    IOptions<MessagingOptions> options,
    ILogger<MessageSender> logger)
{
    /// <summary>The caller has checked membership and that the conversation is open; <paramref name="memberIds"/> get the inbox update.</summary>
    public async Task<Message> SendAsync(
        Guid conversationId, Guid senderId, IReadOnlyList<Guid> memberIds, string text, IReadOnlyList<Guid> attachmentFileIds,
        string? idempotencyKey, CancellationToken cancellationToken)
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
                    if (!stored.IsDeleted)
                    {
                        await PublishAsync(stored);
                    }

                    return stored;
                }

                // The first attempt claimed the key but has not stored its message (yet, or ever: it
                // may have died). Store it under the claimed id; one id appended twice is stored once.
                message = message with { Id = earlier, SentAt = SentAt(earlier) };
            }
        }

        await messages.AppendAsync(message, memberIds, cancellationToken);
        await PublishAsync(message);
        return message;
    }

    /// <summary>The send time as stores keep it (milliseconds, like Cassandra), so a first answer and a retry's agree.</summary>
    private static DateTimeOffset SentAt(Guid messageId) =>
        DateTimeOffset.FromUnixTimeMilliseconds(TimeUuid.GetTimestamp(messageId).ToUnixTimeMilliseconds());

    /// <summary>
    /// There is no outbox here (the store and the broker share no transaction). If the broker is
    /// away at this moment, the message is stored, readable and counted as unread, but its event and
    /// therefore the other members' notifications are lost, unless the client retries with the same
    /// Idempotency-Key: the retry publishes the identical event again (same id, same time), which
    /// consumers treat as a redelivery. A failed publish is therefore logged and the send succeeds;
    /// failing it would invite a retry without a key, i.e. a duplicate message.
    /// </summary>
    private async Task PublishAsync(Message message)
    {
        var sent = new MessageSent(message.ConversationId, message.Id, message.SenderId, message.Text ?? "", message.AttachmentFileIds)
        {
            // Both from the id, which never changes: every publish of this message is the same event.
            EventId = message.Id,
            OccurredAt = TimeUuid.GetTimestamp(message.Id),
        };
        // Not the request's token: a client hanging up must not cancel the announcement of a stored message.
        using var timeout = new CancellationTokenSource(options.Value.PublishTimeout);
        try
        {
            await publisher.Publish(sent, context => context.MessageId = sent.EventId, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogError(e, "MessageSent for message {MessageId} in conversation {ConversationId} was not published",
                message.Id, message.ConversationId);
        }
    }
}
