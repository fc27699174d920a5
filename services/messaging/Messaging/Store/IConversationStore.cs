namespace Tripmate.Messaging.Store;

/// <summary>Conversations, their members and each user's inbox. Every write is idempotent.</summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation with these members unless it exists; returns the stored one (an existing one wins).</summary>
    Task<Conversation> EnsureAsync(Conversation conversation, IReadOnlyCollection<Guid> memberIds, CancellationToken ct);

    Task<Conversation?> FindAsync(Guid conversationId, CancellationToken ct);

    Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct);

    /// <summary>Every member (a conversation's size is bounded by its group's limit).</summary>
    Task<IReadOnlyList<Guid>> GetMemberIdsAsync(Guid conversationId, CancellationToken ct);

    /// <summary>
    /// Adds a member and puts the conversation in their inbox. Throws <see cref="InvalidOperationException"/>
    /// when the conversation does not exist (an event consumer then retries after its creation).
    /// </summary>
    Task AddMemberAsync(Guid conversationId, Guid userId, CancellationToken ct);

    /// <summary>Removes a member and the conversation from their inbox.</summary>
    Task RemoveMemberAsync(Guid conversationId, Guid userId, CancellationToken ct);

    Task CloseAsync(Guid conversationId, DateTimeOffset closedAt, CancellationToken ct);

    /// <summary>The user's conversations, latest activity first; <paramref name="after"/> is the previous page's cursor.</summary>
    Task<(IReadOnlyList<InboxEntry> Items, string? After)> GetInboxAsync(Guid userId, string? after, int limit, CancellationToken ct);

    /// <summary>Sets the user's unread count in this conversation to zero.</summary>
    Task MarkReadAsync(Guid conversationId, Guid userId, CancellationToken ct);

    /// <summary>Removes the user's inbox rows and memberships (the account was deleted).</summary>
    Task RemoveUserAsync(Guid userId, CancellationToken ct);
}
