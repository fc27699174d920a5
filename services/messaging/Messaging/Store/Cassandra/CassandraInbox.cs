using Tripmate.Cql;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// A user's side of membership: the inbox rows (entry + sort row) and the unread counter. Kept in
/// one place because activity moves and counters must change together. Which users are members is
/// <see cref="CassandraMemberships"/>'s; this class follows its decisions.
/// </summary>
public sealed class CassandraInbox(CassandraDatabase db)
{
    private const string DeleteSortRow = "DELETE FROM inbox_by_activity WHERE user_id = ? AND last_activity_at = ? AND conversation_id = ?";
    private const string InsertSortRow = "INSERT INTO inbox_by_activity (user_id, last_activity_at, conversation_id) VALUES (?, ?, ?)";
    private const string SetEntry = "UPDATE inbox_entries SET last_activity_at = ? WHERE user_id = ? AND conversation_id = ?";

    /// <summary>The entry's current activity, or null when the user is not in the conversation.</summary>
    public async Task<DateTimeOffset?> ActivityAsync(Guid userId, Guid conversationId, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync(
            "SELECT last_activity_at FROM inbox_entries WHERE user_id = ? AND conversation_id = ?", [userId, conversationId], ct);
        return rows.Count == 0 ? null : rows[0].Get<DateTimeOffset?>("last_activity_at");
    }

    /// <summary>Puts the conversation in the user's inbox at <paramref name="at"/>; nothing when it is there.</summary>
    public async Task AddAsync(Guid userId, Guid conversationId, DateTimeOffset at, CancellationToken ct)
    {
        if (await ActivityAsync(userId, conversationId, ct) is not null)
        {
            return;
        }
        await db.BatchAsync(
        [
            ("INSERT INTO inbox_entries (user_id, conversation_id, last_activity_at) VALUES (?, ?, ?)", [userId, conversationId, at]),
            (InsertSortRow, [userId, at, conversationId]),
        ], ct);
    }

    public async Task RemoveAsync(Guid userId, Guid conversationId, CancellationToken ct)
    {
        var activity = await ActivityAsync(userId, conversationId, ct);
        var statements = new List<(string, object?[])>
        {
            ("DELETE FROM inbox_entries WHERE user_id = ? AND conversation_id = ?", [userId, conversationId]),
        };
        if (activity is { } at)
        {
            statements.Add((DeleteSortRow, [userId, at, conversationId]));
        }
        await db.BatchAsync(statements, ct);
        await ZeroUnreadAsync(userId, conversationId, ct);
    }

    /// <summary>
    /// Moves the conversation up in the user's inbox (never down); false when the user is not a
    /// member (removed meanwhile). Two concurrent moves can leave two sort rows; reads show only
    /// the one matching the entry and delete the older.
    /// </summary>
    public async Task<bool> MoveAsync(Guid userId, Guid conversationId, DateTimeOffset at, CancellationToken ct)
    {
        if (await ActivityAsync(userId, conversationId, ct) is not { } current)
        {
            return false;
        }
        if (current >= at)
        {
            return true;
        }
        await db.BatchAsync(
        [
            (DeleteSortRow, [userId, current, conversationId]),
            (InsertSortRow, [userId, at, conversationId]),
            (SetEntry, [at, userId, conversationId]),
        ], ct);
        return true;
    }

    public Task IncrementUnreadAsync(Guid userId, Guid conversationId, CancellationToken ct) =>
        db.ExecuteAsync("UPDATE unread_counts SET unread = unread + ? WHERE user_id = ? AND conversation_id = ?", [1L, userId, conversationId], ct);

    /// <summary>
    /// Counters cannot be set, and deleting one is final, so zeroing subtracts what was read;
    /// increments that land in between stay counted, which is what unread means.
    /// </summary>
    public async Task ZeroUnreadAsync(Guid userId, Guid conversationId, CancellationToken ct)
    {
        var unread = (await UnreadAsync(userId, [conversationId], ct)).GetValueOrDefault(conversationId);
        if (unread != 0)
        {
            await db.ExecuteAsync("UPDATE unread_counts SET unread = unread - ? WHERE user_id = ? AND conversation_id = ?", [unread, userId, conversationId], ct);
        }
    }

    public async Task<Dictionary<Guid, long>> UnreadAsync(Guid userId, IReadOnlyList<Guid> conversationIds, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync(
            "SELECT conversation_id, unread FROM unread_counts WHERE user_id = ? AND conversation_id IN ?",
            [userId, conversationIds.Cast<object?>().ToList()], ct);
        return rows.ToDictionary(row => row.Get<Guid>("conversation_id"), row => row.Get<long>("unread"));
    }

    /// <summary>Every conversation the user is in (a user's conversations are bounded: one row each).</summary>
    public async Task<List<Guid>> ConversationsOfAsync(Guid userId, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await foreach (var row in db.ReadAllAsync("SELECT conversation_id FROM inbox_entries WHERE user_id = ?", [userId], ct))
        {
            ids.Add(row.Get<Guid>("conversation_id"));
        }
        return ids;
    }

    /// <summary>The whole user's partitions at once (their memberships were ended first).</summary>
    public async Task RemoveUserAsync(Guid userId, CancellationToken ct)
    {
        await db.BatchAsync(
        [
            ("DELETE FROM inbox_entries WHERE user_id = ?", [userId]),
            ("DELETE FROM inbox_by_activity WHERE user_id = ?", [userId]),
        ], ct);
        // A deleted account's counters go for good (a counter deletion is final, which is right here).
        await db.ExecuteAsync("DELETE FROM unread_counts WHERE user_id = ?", [userId], ct);
    }
}
