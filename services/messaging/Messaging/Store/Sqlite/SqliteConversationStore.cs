using Microsoft.Data.Sqlite;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Sqlite;

public sealed class SqliteConversationStore(SqliteMessagingDatabase database) : IConversationStore
{
    private const string ConversationColumns = "id, kind, group_id, title, created_at, closed_at";

    public async Task<Conversation> EnsureAsync(Conversation conversation, IReadOnlyCollection<Guid> memberIds, CancellationToken ct)
    {
        await database.WriteAsync(async (c, t) =>
        {
            await using var insert = c.Command($"""
                INSERT OR IGNORE INTO conversations ({ConversationColumns})
                VALUES ($id, $kind, $group, $title, $created, $closed)
                """, t)
                .With("$id", conversation.Id).With("$kind", (int)conversation.Kind).With("$group", conversation.GroupId)
                .With("$title", conversation.Title).With("$created", conversation.CreatedAt).With("$closed", conversation.ClosedAt);
            // Only the call that created it adds members: a replayed creation must not re-add someone removed since.
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
            {
                foreach (var userId in memberIds.Distinct())
                {
                    await ApplyMembershipAsync(c, t, conversation.Id, userId, version: 0, removed: false, conversation.CreatedAt, ct);
                }
            }
            return 0;
        }, ct);
        return await FindAsync(conversation.Id, ct) ?? throw new InvalidOperationException($"Conversation {conversation.Id} vanished.");
    }

    public Task<Conversation?> FindAsync(Guid conversationId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"SELECT {ConversationColumns} FROM conversations WHERE id = $id").With("$id", conversationId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new Conversation(reader.GetId(0), (ConversationKind)reader.GetInt32(1), reader.GetIdOrNull(2),
                    reader.GetStringOrNull(3), reader.GetTime(4), reader.GetTimeOrNull(5))
                : null;
        }, ct);

    public Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command("SELECT 1 FROM conversation_members WHERE conversation_id = $c AND user_id = $u AND removed = 0")
                .With("$c", conversationId).With("$u", userId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);

    public Task<IReadOnlyList<Guid>> GetMemberIdsAsync(Guid conversationId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Guid>>(async c =>
        {
            await using var select = c.Command("SELECT user_id FROM conversation_members WHERE conversation_id = $c AND removed = 0")
                .With("$c", conversationId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            var members = new List<Guid>();
            while (await reader.ReadAsync(ct))
            {
                members.Add(reader.GetId(0));
            }
            return members;
        }, ct);

    public Task<bool> AddMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var exists = c.Command("SELECT 1 FROM conversations WHERE id = $c", t).With("$c", conversationId);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                // Thrown so an event consumer retries once the conversation's creation has been handled.
                throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
            }
            return await ApplyMembershipAsync(c, t, conversationId, userId, version, removed: false, database.Now, ct);
        }, ct);

    /// <summary>A removal needs no conversation: its tombstone must be there for whatever arrives later.</summary>
    public Task<bool> RemoveMemberAsync(Guid conversationId, Guid userId, long version, CancellationToken ct) =>
        database.WriteAsync((c, t) => ApplyMembershipAsync(c, t, conversationId, userId, version, removed: true, database.Now, ct), ct);

    /// <summary>
    /// Records the membership state as of <paramref name="version"/> unless a newer or equal one is
    /// stored, then makes the inbox agree: a new member's row shows the conversation's latest
    /// message, nothing unread, at the time they joined; a removed member has none.
    /// </summary>
    private static async Task<bool> ApplyMembershipAsync(
        SqliteConnection c, SqliteTransaction t, Guid conversationId, Guid userId, long version, bool removed, DateTimeOffset at, CancellationToken ct)
    {
        await using var apply = c.Command("""
            INSERT INTO conversation_members (conversation_id, user_id, version, removed) VALUES ($c, $u, $v, $removed)
            ON CONFLICT (conversation_id, user_id) DO UPDATE SET version = excluded.version, removed = excluded.removed
            WHERE conversation_members.version < excluded.version
            """, t).With("$c", conversationId).With("$u", userId).With("$v", version).With("$removed", removed);
        if (await apply.ExecuteNonQueryAsync(ct) == 0)
        {
            return false;
        }

        await using var inbox = c.Command(removed
            ? "DELETE FROM inbox WHERE conversation_id = $c AND user_id = $u"
            : """
              INSERT OR IGNORE INTO inbox (user_id, conversation_id, last_activity_at,
                  last_message_key, last_message_id, last_sender_id, last_text, last_sent_at, unread)
              SELECT $u, id, $at, last_message_key, last_message_id, last_sender_id, last_text, last_sent_at, 0
              FROM conversations WHERE id = $c
              """, t).With("$c", conversationId).With("$u", userId).With("$at", at);
        await inbox.ExecuteNonQueryAsync(ct);
        return true;
    }

    public Task CloseAsync(Guid conversationId, DateTimeOffset closedAt, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var close = c.Command("UPDATE conversations SET closed_at = coalesce(closed_at, $at) WHERE id = $c", t)
                .With("$c", conversationId).With("$at", closedAt);
            return await close.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<Slice<InboxEntry, InboxPosition>> GetInboxAsync(Guid userId, InboxPosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return SqliteInboxQuery.ReadAsync(database, userId, after, limit, ct);
    }

    public Task MarkReadAsync(Guid conversationId, Guid userId, CancellationToken ct) =>
        Write("UPDATE inbox SET unread = 0 WHERE conversation_id = $c AND user_id = $u", conversationId, userId, ct);

    /// <summary>Every membership becomes a tombstone newer than any version identity can send.</summary>
    public Task RemoveUserAsync(Guid userId, CancellationToken ct) =>
        Write($"""
            UPDATE conversation_members SET removed = 1, version = {long.MaxValue} WHERE user_id = $u;
            DELETE FROM inbox WHERE user_id = $u;
            """, null, userId, ct);

    private Task Write(string sql, Guid? conversationId, Guid userId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var command = c.Command(sql, t).With("$c", conversationId).With("$u", userId);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
}
