namespace Tripmate.Messaging.Store;

/// <summary>
/// A message. <see cref="Id"/> is a time-based UUID (<see cref="TimeUuid"/>): its timestamp is the
/// send time and decides the time bucket and the order. A deleted message keeps its row (so it reads
/// as deleted, not as a gap) with <see cref="Text"/> cleared and <see cref="DeletedAt"/> set.
/// </summary>
public sealed record Message(
    Guid ConversationId,
    Guid Id,
    Guid SenderId,
    string? Text,
    IReadOnlyList<Guid> AttachmentFileIds,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt = null,
    DateTimeOffset? DeletedAt = null)
{
    public bool IsDeleted => DeletedAt is not null;
}
