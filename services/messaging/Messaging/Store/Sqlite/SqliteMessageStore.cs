using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Sqlite;

public sealed class SqliteMessageStore(SqliteMessagingDatabase database, IOptions<MessagingStoreOptions> options) : IMessageStore
{
    private const string MessageColumns = "conversation_id, message_id, sender_id, text, attachment_file_ids, sent_at, edited_at, deleted_at";
    private readonly MessagingStoreOptions _options = options.Value;

    public Task AppendAsync(Message message, IReadOnlyList<Guid> memberIds, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var key = SqliteValues.SortKey(message.Id);
            var bucket = _options.BucketOf(message.Id);
            await using var insert = c.Command($"""
                INSERT OR IGNORE INTO messages (bucket, message_key, {MessageColumns})
                VALUES ($bucket, $key, $c, $id, $sender, $text, $files, $sent, $edited, $deleted)
                """, t).With("$bucket", bucket).With("$key", key).With("$c", message.ConversationId).With("$id", message.Id)
                .With("$sender", message.SenderId).With("$text", message.Text)
                .With("$files", JsonSerializer.Serialize(message.AttachmentFileIds)).With("$sent", message.SentAt)
                .With("$edited", message.EditedAt).With("$deleted", message.DeletedAt);
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                return false; // Stored before, with its events: the inbox already counted it.
            }
            await using var latest = c.Command("""
                INSERT OR IGNORE INTO message_buckets (conversation_id, bucket) VALUES ($c, $bucket);
                UPDATE conversations
                SET last_message_key = $key, last_message_id = $id, last_sender_id = $sender, last_text = $text, last_sent_at = $sent
                WHERE id = $c AND (last_message_key IS NULL OR last_message_key < $key);
                """, t).With("$c", message.ConversationId).With("$bucket", bucket).With("$key", key).With("$id", message.Id)
                .With("$sender", message.SenderId).With("$text", message.Text).With("$sent", message.SentAt);
            await latest.ExecuteNonQueryAsync(ct);
            await UpdateInboxesAsync(c, t, message, key, memberIds, ct);
            return true;
        }, events, ct);

    /// <summary>Members' inbox rows only (a removed member gets none back); the preview never moves to an older message.</summary>
    private static async Task UpdateInboxesAsync(SqliteConnection c, SqliteTransaction t, Message message, byte[] key, IReadOnlyList<Guid> memberIds, CancellationToken ct)
    {
        await using var update = c.Command("""
            UPDATE inbox
            SET last_activity_at = max(last_activity_at, $sent), unread = unread + $unread
            WHERE user_id = $u AND conversation_id = $c;
            UPDATE inbox
            SET last_message_key = $key, last_message_id = $id, last_sender_id = $sender, last_text = $text, last_sent_at = $sent
            WHERE user_id = $u AND conversation_id = $c AND (last_message_key IS NULL OR last_message_key < $key);
            """, t).With("$c", message.ConversationId).With("$key", key).With("$id", message.Id)
            .With("$sender", message.SenderId).With("$text", message.Text).With("$sent", message.SentAt)
            .With("$u", null).With("$unread", 0);
        foreach (var userId in memberIds.Distinct())
        {
            update.Parameters["$u"].Value = userId.ToString();
            update.Parameters["$unread"].Value = userId == message.SenderId ? 0 : 1;
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    public Task<Message?> FindAsync(Guid conversationId, Guid messageId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                SELECT {MessageColumns} FROM messages WHERE conversation_id = $c AND bucket = $bucket AND message_key = $key
                """).With("$c", conversationId).With("$bucket", _options.BucketOf(messageId)).With("$key", SqliteValues.SortKey(messageId));
            await using var reader = await select.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? ReadMessage(reader) : null;
        }, ct);

    public Task<Slice<Message, MessagePosition>> ReadAsync(Guid conversationId, MessagePosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync(c => new SqliteMessagePageQuery(c, _options).ReadAsync(conversationId, after?.MessageId, limit, ct), ct);
    }

    public Task<bool> EditAsync(Guid conversationId, Guid messageId, string text, DateTimeOffset editedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        ChangeAsync(conversationId, messageId, "text = $text, edited_at = $at", "AND deleted_at IS NULL", text, editedAt, events, ct);

    public Task<bool> DeleteAsync(Guid conversationId, Guid messageId, DateTimeOffset deletedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        ChangeAsync(conversationId, messageId, "text = NULL, deleted_at = coalesce(deleted_at, $at)", "", null, deletedAt, events, ct);

    /// <summary>Changes the message and every preview showing it, so a deleted text does not linger in inboxes.</summary>
    private Task<bool> ChangeAsync(
        Guid conversationId, Guid messageId, string set, string condition, string? text, DateTimeOffset at,
        IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var change = c.Command($"""
                UPDATE messages SET {set}
                WHERE conversation_id = $c AND bucket = $bucket AND message_key = $key {condition}
                """, t).With("$c", conversationId).With("$bucket", _options.BucketOf(messageId))
                .With("$key", SqliteValues.SortKey(messageId)).With("$text", text).With("$at", at);
            if (await change.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
            await using var previews = c.Command("""
                UPDATE inbox SET last_text = $text WHERE conversation_id = $c AND last_message_id = $id;
                UPDATE conversations SET last_text = $text WHERE id = $c AND last_message_id = $id;
                """, t).With("$c", conversationId).With("$id", messageId).With("$text", text);
            await previews.ExecuteNonQueryAsync(ct);
            return true;
        }, events, ct);

    public Task<Guid?> ClaimIdempotencyKeyAsync(Guid senderId, string key, Guid messageId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var now = database.Now;
            await using var claim = c.Command("""
                DELETE FROM idempotency_keys WHERE sender_id = $s AND key = $k AND expires_at <= $now;
                INSERT OR IGNORE INTO idempotency_keys (sender_id, key, message_id, expires_at) VALUES ($s, $k, $m, $expires);
                """, t).With("$s", senderId).With("$k", key).With("$m", messageId).With("$now", now)
                .With("$expires", now + _options.IdempotencyKeyTtl);
            // Any change means the insert happened: the delete only ever makes room for it. A claim
            // repeated with the same id counts as ours (as in Cassandra, where a retried claim can find its own).
            var claimedBy = await claim.ExecuteNonQueryAsync(ct) > 0 ? messageId : await ClaimedByAsync(c, t, senderId, key, ct);
            return claimedBy == messageId ? null : claimedBy;
        }, ct);

    private static async Task<Guid?> ClaimedByAsync(SqliteConnection c, SqliteTransaction t, Guid senderId, string key, CancellationToken ct)
    {
        await using var select = c.Command("SELECT message_id FROM idempotency_keys WHERE sender_id = $s AND key = $k", t)
            .With("$s", senderId).With("$k", key);
        return Guid.Parse((string)(await select.ExecuteScalarAsync(ct))!);
    }

    internal static Message ReadMessage(SqliteDataReader reader)
    {
        var deletedAt = reader.GetTimeOrNull(7);
        return new Message(reader.GetId(0), reader.GetId(1), reader.GetId(2), deletedAt is null ? reader.GetStringOrNull(3) : null,
            JsonSerializer.Deserialize<Guid[]>(reader.GetString(4)) ?? [], reader.GetTime(5), reader.GetTimeOrNull(6), deletedAt);
    }
}
