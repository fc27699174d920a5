namespace Tripmate.Contracts.Messaging;

/// <summary>
/// A message was stored in a conversation. <see cref="IntegrationEvent.EventId"/> is the message id
/// and <see cref="IntegrationEvent.OccurredAt"/> its send time, so publishing it again (a retried
/// send) yields the very same event and consumers see a redelivery, not a second message.
/// </summary>
public sealed record MessageSent(
    Guid ConversationId,
    Guid MessageId,
    Guid SenderId,
    string Text,
    IReadOnlyList<Guid> AttachmentFileIds) : IntegrationEvent;
