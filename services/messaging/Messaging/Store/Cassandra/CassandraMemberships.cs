namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// The membership rows of a conversation, each with the version of the change that wrote it and
/// whether that change was a removal (a tombstone row, so a late add cannot resurrect the member).
/// Changes are compare-and-set lightweight transactions: membership changes are rare, and two
/// redeliveries racing each other must not both win.
/// </summary>
public sealed class CassandraMemberships(CassandraDatabase db)
{
    private const string Select = "SELECT version FROM conversation_members WHERE conversation_id = ? AND user_id = ?";

    /// <summary>Records the state as of <paramref name="version"/>; false when a change at least as new is stored.</summary>
    public async Task<bool> ApplyAsync(Guid conversationId, Guid userId, long version, bool removed, CancellationToken ct)
    {
        while (true)
        {
            var rows = await db.ExecuteAsync(Select, [conversationId, userId], ct);
            var result = rows.Count == 0
                ? await db.ExecuteAsync("""
                    INSERT INTO conversation_members (conversation_id, user_id, version, removed) VALUES (?, ?, ?, ?) IF NOT EXISTS
                    """, [conversationId, userId, version, removed], ct)
                : rows[0].Get<long?>("version") is { } stored && stored >= version
                    ? null
                    : await db.ExecuteAsync("""
                        UPDATE conversation_members SET version = ?, removed = ? WHERE conversation_id = ? AND user_id = ? IF version = ?
                        """, [version, removed, conversationId, userId, rows[0].Get<long?>("version")], ct);
            if (result is null)
            {
                return false;
            }

            if (CassandraDatabase.Applied(result))
            {
                return true;
            }
            // Another change won the race: read again and compare with what it wrote.
        }
    }

    public async Task<bool> IsMemberAsync(Guid conversationId, Guid userId, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync("SELECT removed FROM conversation_members WHERE conversation_id = ? AND user_id = ?", [conversationId, userId], ct);
        return rows.Count > 0 && rows[0].Get<bool?>("removed") != true;
    }

    /// <summary>Current members (a conversation's rows are bounded by its group's size limit).</summary>
    public async Task<IReadOnlyList<Guid>> MemberIdsAsync(Guid conversationId, CancellationToken ct)
    {
        var members = new List<Guid>();
        await foreach (var row in db.ReadAllAsync("SELECT user_id, removed FROM conversation_members WHERE conversation_id = ?", [conversationId], ct))
        {
            if (row.Get<bool?>("removed") != true)
            {
                members.Add(row.Get<Guid>("user_id"));
            }
        }
        return members;
    }

    /// <summary>An account was deleted: a tombstone newer than any version identity can send, unconditionally.</summary>
    public Task EndForGoodAsync(Guid conversationId, Guid userId, CancellationToken ct) =>
        db.ExecuteAsync("UPDATE conversation_members SET version = ?, removed = true WHERE conversation_id = ? AND user_id = ?",
            [long.MaxValue, conversationId, userId], ct);
}
