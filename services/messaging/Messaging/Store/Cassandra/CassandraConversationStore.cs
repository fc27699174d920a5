using Tripmate.Cql;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Cassandra;

public sealed class CassandraConversationStore(CassandraDatabase db, CassandraInbox inbox, CassandraMemberships memberships, TimeProvider clock)
    : IConversationStore
{
    private const string SelectConversation =
        "SELECT conversation_id, kind, group_id, title, created_at, closed_at FROM conversations WHERE conversation_id = ?";

    public async Task<Conversation> EnsureAsync(Conversation conversation, IReadOnlyCollection<Guid> memberIds, CancellationToken ct)
    {
        // Conditional, so of two concurrent creations exactly one adds the members.
        var created = await db.ExecuteAsync("""
            INSERT INTO conversations (conversation_id, kind, group_id, title, created_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS
            """,
            [
                conversation.Id, conversation.Kind.ToString(), CassandraDatabase.UnsetIfNull(conversation.GroupId),
                CassandraDatabase.UnsetIfNull(conversation.Title), conversation.CreatedAt, CassandraDatabase.UnsetIfNull(conversation.ClosedAt),
            ], ct);
        if (CassandraDatabase.Applied(created))
        {
            foreach (var userId in memberIds.Distinct())
            {
                await memberships.ApplyAsync(conversation.Id, userId, version: 0, removed: false, ct);
                await inbox.AddAsync(userId, conversation.Id, conversation.CreatedAt, ct);
            }
            return conversation;
        }
        return await FindAsync(conversation.Id, ct) ?? throw new InvalidOperationException($"Conversation {conversation.Id} vanished.");
    }

    public Task<Conversation?> FindAsync(Guid conversationId, CancellationToken ct) => LoadAsync(db, conversationId, ct);

    internal static async Task<Conversation?> LoadAsync(CassandraDatabase db, Guid conversationId, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync(SelectConversation, [conversationId], ct);
        return rows.Count == 0 ? null : ReadConversation(rows[0]);
    }

    internal static Conversation ReadConversation(Row row) => new(
        row.Get<Guid>("conversation_id"),
        Enum.Parse<ConversationKind>(row.Get<string>("kind")!),
        row.Get<Guid?>("group_id"),
        row.Get<string>("title"),
        row.Get<DateTimeOffset>("created_at"),
        row.Get<DateTimeOffset?>("closed_at"));

    public Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct) => memberships.IsMemberAsync(conversationId, userId, ct);

    public Task<IReadOnlyList<Guid>> GetMemberIdsAsync(Guid conversationId, CancellationToken ct) => memberships.MemberIdsAsync(conversationId, ct);

    public async Task<bool> AddMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct)
    {
        if (await FindAsync(conversationId, ct) is null)
        {
            // Thrown so an event consumer retries once the conversation's creation has been handled.
            throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        }
        if (!await memberships.ApplyAsync(conversationId, userId, version, removed: false, ct))
        {
            return false;
        }
        await inbox.AddAsync(userId, conversationId, clock.GetUtcNow(), ct);
        return true;
    }

    /// <summary>A removal needs no conversation: its tombstone must be there for whatever arrives later.</summary>
    public async Task<bool> RemoveMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct)
    {
        if (!await memberships.ApplyAsync(conversationId, userId, version, removed: true, ct))
        {
            return false;
        }
        await inbox.RemoveAsync(userId, conversationId, ct);
        return true;
    }

    public async Task CloseAsync(Guid conversationId, DateTimeOffset closedAt, CancellationToken ct)
    {
        // Read first: an UPDATE would create a row for an unknown id, and the first closing time stays.
        if (await FindAsync(conversationId, ct) is { ClosedAt: null })
        {
            await db.ExecuteAsync("UPDATE conversations SET closed_at = ? WHERE conversation_id = ?", [closedAt, conversationId], ct);
        }
    }

    public Task<Slice<InboxEntry, InboxPosition>> GetInboxAsync(Guid userId, InboxPosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return new CassandraInboxQuery(db, inbox).ReadAsync(userId, after, limit, ct);
    }

    public Task MarkReadAsync(Guid conversationId, Guid userId, CancellationToken ct) => inbox.ZeroUnreadAsync(userId, conversationId, ct);

    public async Task RemoveUserAsync(Guid userId, CancellationToken ct)
    {
        foreach (var conversationId in await inbox.ConversationsOfAsync(userId, ct))
        {
            await memberships.EndForGoodAsync(conversationId, userId, ct);
        }
        await inbox.RemoveUserAsync(userId, ct);
    }
}
