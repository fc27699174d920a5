using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store;

/// <summary>
/// Conversations, their members and each user's inbox. Every write is idempotent, and membership
/// changes are applied in version order whatever order they arrive in.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// Creates the conversation with these members (at version 0) unless it exists; returns the
    /// stored one (an existing one wins).
    /// </summary>
    Task<Conversation> EnsureAsync(Conversation conversation, IReadOnlyCollection<Guid> memberIds, CancellationToken ct);

    Task<Conversation?> FindAsync(Guid conversationId, CancellationToken ct);

    Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct);

    /// <summary>Every member (a conversation's size is bounded by its group's limit).</summary>
    Task<IReadOnlyList<Guid>> GetMemberIdsAsync(Guid conversationId, CancellationToken ct);

    /// <summary>
    /// Makes the user a member as of <paramref name="version"/> and puts the conversation in their
    /// inbox, unless a change of this membership at least as new was applied (a redelivery, or a
    /// late add after a removal): then nothing changes and it returns false. Throws
    /// <see cref="InvalidOperationException"/> when the conversation does not exist (an event
    /// consumer then retries after its creation).
    /// </summary>
    Task<bool> AddMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct);

    /// <summary>
    /// Ends the membership as of <paramref name="version"/> (a tombstone keeps the version, so a
    /// late add cannot bring the member back) and takes the conversation out of their inbox;
    /// false when a change at least as new was applied.
    /// </summary>
    Task<bool> RemoveMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct);

    Task CloseAsync(Guid conversationId, DateTimeOffset closedAt, CancellationToken ct);

    /// <summary>The user's conversations, latest activity first, after <paramref name="after"/> when given.</summary>
    Task<Slice<InboxEntry, InboxPosition>> GetInboxAsync(Guid userId, InboxPosition? after, int limit, CancellationToken ct);

    /// <summary>Sets the user's unread count in this conversation to zero.</summary>
    Task MarkReadAsync(Guid conversationId, Guid userId, CancellationToken ct);

    /// <summary>
    /// Removes the user's inbox rows and ends their memberships for good (the account was deleted):
    /// no membership change of any version brings them back.
    /// </summary>
    Task RemoveUserAsync(Guid userId, CancellationToken ct);
}
