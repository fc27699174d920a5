using Tripmate.Cql;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// A page of the inbox: walk the user's sort rows newest first, keep those matching the user's
/// entries (older ones are stale copies left by concurrent moves and are deleted on the way), then add each conversation's kind, title, latest message and the
/// unread counters. The preview is read from the messages themselves, so edits and deletions
/// show without copying them into every member's inbox.
/// </summary>
internal sealed class CassandraInboxQuery(CassandraDatabase db, CassandraInbox inbox)
{
    public async Task<Slice<InboxEntry, InboxPosition>> ReadAsync(Guid userId, InboxPosition? after, int limit, CancellationToken ct)
    {
        var rows = await LiveSortRowsAsync(userId, after, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var unread = page.Count == 0 ? [] : await inbox.UnreadAsync(userId, page.Select(r => r.ConversationId).ToList(), ct);
        var items = await Task.WhenAll(page.Select(async row =>
        {
            var conversation = await CassandraConversationStore.LoadAsync(db, row.ConversationId, ct);
            var latest = await CassandraMessageStore.LatestAsync(db, row.ConversationId, ct);
            var preview = latest is null ? null : new MessagePreview(latest.Id, latest.SenderId, latest.Text ?? "", latest.SentAt);
            return new InboxEntry(row.ConversationId, conversation?.Kind ?? ConversationKind.Direct, conversation?.Title,
                row.ActivityAt, preview, unread.GetValueOrDefault(row.ConversationId));
        }));
        var last = page.LastOrDefault();
        return new Slice<InboxEntry, InboxPosition>(items, rows.Count > limit && last is not null
            ? new InboxPosition(last.ActivityAt.ToUnixTimeMilliseconds(), last.ConversationId)
            : null);
    }

    private sealed record SortRow(DateTimeOffset ActivityAt, Guid ConversationId);

    private async Task<List<SortRow>> LiveSortRowsAsync(Guid userId, InboxPosition? after, int wanted, CancellationToken ct)
    {
        var (cql, values) = after is null
            ? ("SELECT last_activity_at, conversation_id FROM inbox_by_activity WHERE user_id = ?", new object?[] { userId })
            : ("""
               SELECT last_activity_at, conversation_id FROM inbox_by_activity
               WHERE user_id = ? AND (last_activity_at, conversation_id) < (?, ?)
               """, [userId, DateTimeOffset.FromUnixTimeMilliseconds(after.ActivityMs), after.ConversationId]);
        var live = new List<SortRow>();
        byte[]? pagingState = null;
        do
        {
            var page = await db.ExecuteAsync(cql, values, ct, pageSize: wanted, pagingState);
            var rows = page.Select(r => new SortRow(r.Get<DateTimeOffset>("last_activity_at"), r.Get<Guid>("conversation_id"))).ToList();
            var current = await CurrentActivityAsync(userId, rows.Select(r => r.ConversationId).Distinct().ToList(), ct);
            foreach (var row in rows)
            {
                if (!current.TryGetValue(row.ConversationId, out var at) || at < row.ActivityAt)
                {
                    continue; // not (or no longer, or not yet) the user's: a move or removal is under way or was cut short
                }
                if (at == row.ActivityAt)
                {
                    live.Add(row);
                }
                else
                {
                    // Superseded for sure, since activity only moves forward.
                    await db.ExecuteAsync("DELETE FROM inbox_by_activity WHERE user_id = ? AND last_activity_at = ? AND conversation_id = ?",
                        [userId, row.ActivityAt, row.ConversationId], ct);
                }
            }
            pagingState = page.PagingState;
        }
        while (live.Count < wanted && pagingState is not null);
        return live.Take(wanted).ToList();
    }

    private async Task<Dictionary<Guid, DateTimeOffset>> CurrentActivityAsync(Guid userId, List<Guid> conversationIds, CancellationToken ct)
    {
        if (conversationIds.Count == 0)
        {
            return [];
        }
        var rows = await db.ExecuteAsync(
            "SELECT conversation_id, last_activity_at FROM inbox_entries WHERE user_id = ? AND conversation_id IN ?",
            [userId, conversationIds.Cast<object?>().ToList()], ct);
        return rows.Where(r => r["last_activity_at"] is not null)
            .ToDictionary(r => r.Get<Guid>("conversation_id"), r => r.Get<DateTimeOffset>("last_activity_at"));
    }
}
