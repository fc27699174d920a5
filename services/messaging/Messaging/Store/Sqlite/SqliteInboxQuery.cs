using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>A page of a user's inbox, latest activity first (ties by conversation id), keyset-paged.</summary>
internal static class SqliteInboxQuery
{
    public static Task<Slice<InboxEntry, InboxPosition>> ReadAsync(
        SqliteMessagingDatabase database, Guid userId, InboxPosition? after, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command("""
                SELECT i.conversation_id, c.kind, c.title, i.last_activity_at,
                       i.last_message_id, i.last_sender_id, i.last_text, i.last_sent_at, i.unread
                FROM inbox i JOIN conversations c ON c.id = i.conversation_id
                WHERE i.user_id = $u
                  AND ($after_at IS NULL OR (i.last_activity_at, i.conversation_id) < ($after_at, $after_id))
                ORDER BY i.last_activity_at DESC, i.conversation_id DESC
                LIMIT $limit
                """).With("$u", userId).With("$after_at", after?.ActivityMs).With("$after_id", after?.ConversationId)
                .With("$limit", limit + 1);
            await using var reader = await select.ExecuteReaderAsync(ct);
            var items = new List<InboxEntry>();
            while (items.Count < limit && await reader.ReadAsync(ct))
            {
                var preview = reader.GetIdOrNull(4) is { } messageId
                    ? new MessagePreview(messageId, reader.GetId(5), reader.GetStringOrNull(6) ?? "", reader.GetTime(7))
                    : null;
                items.Add(new InboxEntry(reader.GetId(0), (ConversationKind)reader.GetInt32(1), reader.GetStringOrNull(2),
                    reader.GetTime(3), preview, reader.GetInt64(8)));
            }
            var more = items.Count == limit && await reader.ReadAsync(ct);
            var last = items.Count > 0 ? items[^1] : null;
            return new Slice<InboxEntry, InboxPosition>(items, more && last is not null
                ? new InboxPosition(last.LastActivityAt.ToUnixTimeMilliseconds(), last.ConversationId)
                : null);
        }, ct);
}
