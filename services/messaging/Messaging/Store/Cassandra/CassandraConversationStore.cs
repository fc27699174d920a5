using Tripmate.Cql;

namespace Tripmate.Messaging.Store.Cassandra;

public sealed class CassandraConversationStore(CassandraDatabase db, CassandraInbox inbox, TimeProvider clock) : IConversationStore
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

    public async Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct) =>
        (await db.ExecuteAsync("SELECT user_id FROM conversation_members WHERE conversation_id = ? AND user_id = ?", [conversationId, userId], ct)).Count > 0;

    public async Task<IReadOnlyList<Guid>> GetMemberIdsAsync(Guid conversationId, CancellationToken ct)
    {
        var members = new List<Guid>();
        await foreach (var row in db.ReadAllAsync("SELECT user_id FROM conversation_members WHERE conversation_id = ?", [conversationId], ct))
        {
            members.Add(row.Get<Guid>("user_id"));
        }
        return members;
    }

    public async Task AddMemberAsync(Guid conversationId, Guid userId, CancellationToken ct)
    {
        if (await FindAsync(conversationId, ct) is null)
        {
            // Thrown so an event consumer retries once the conversation's creation has been handled.
            throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        }
        await inbox.AddAsync(userId, conversationId, clock.GetUtcNow(), ct);
    }

    public Task RemoveMemberAsync(Guid conversationId, Guid userId, CancellationToken ct) => inbox.RemoveAsync(userId, conversationId, ct);

    public async Task CloseAsync(Guid conversationId, DateTimeOffset closedAt, CancellationToken ct)
    {
        // Read first: an UPDATE would create a row for an unknown id, and the first closing time stays.
        if (await FindAsync(conversationId, ct) is { ClosedAt: null })
        {
            await db.ExecuteAsync("UPDATE conversations SET closed_at = ? WHERE conversation_id = ?", [closedAt, conversationId], ct);
        }
    }

    public Task<(IReadOnlyList<InboxEntry> Items, string? After)> GetInboxAsync(Guid userId, string? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return new CassandraInboxQuery(db, inbox).ReadAsync(userId, InboxPosition.Decode(after), limit, ct);
    }

    public Task MarkReadAsync(Guid conversationId, Guid userId, CancellationToken ct) => inbox.ZeroUnreadAsync(userId, conversationId, ct);

    public Task RemoveUserAsync(Guid userId, CancellationToken ct) => inbox.RemoveUserAsync(userId, ct);
}
