using Tripmate.Contracts;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store;

/// <summary>
/// Messages, stored by conversation and time bucket, read newest first. Every change takes the
/// events that announce it and commits them with it (the store's outbox).
/// </summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores the message (same id again = no second message) with its <paramref name="events"/>,
    /// records its bucket, and updates the inbox of every member: latest activity and preview, and
    /// unread +1 for everyone but the sender.
    /// </summary>
    Task AppendAsync(Message message, IReadOnlyList<Guid> memberIds, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct);

    Task<Message?> FindAsync(Guid conversationId, Guid messageId, CancellationToken ct);

    /// <summary>
    /// Newest first, strictly older than <paramref name="after"/> when given. Walks the
    /// conversation's non-empty buckets backwards; never scans empty buckets.
    /// </summary>
    Task<Slice<Message, MessagePosition>> ReadAsync(Guid conversationId, MessagePosition? after, int limit, CancellationToken ct);

    /// <summary>False (and nothing recorded) when the message does not exist or is deleted.</summary>
    Task<bool> EditAsync(Guid conversationId, Guid messageId, string text, DateTimeOffset editedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct);

    /// <summary>Clears the text and marks the message deleted. False (and nothing recorded) when it does not exist.</summary>
    Task<bool> DeleteAsync(Guid conversationId, Guid messageId, DateTimeOffset deletedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct);

    /// <summary>
    /// Claims an idempotency key of a sender for <paramref name="messageId"/>. Returns null when this
    /// call claimed it, or the message id of the earlier claim (which the caller then returns, and
    /// appends again if it is missing: appending the same id twice stores it once). Claiming again
    /// with the id that holds the claim also returns null.
    /// </summary>
    Task<Guid?> ClaimIdempotencyKeyAsync(Guid senderId, string key, Guid messageId, CancellationToken ct);
}
