using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Cql;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Cassandra;

public sealed class CassandraMessageStore(CassandraDatabase db, CassandraInbox inbox, IOptions<MessagingStoreOptions> options) : IMessageStore
{
    internal const string Columns = "conversation_id, message_id, sender_id, body, attachment_file_ids, sent_at, edited_at, deleted_at";
    private const string SelectOne = $"SELECT {Columns} FROM messages WHERE conversation_id = ? AND bucket = ? AND message_id = ?";
    private readonly MessagingStoreOptions _options = options.Value;

    public async Task AppendAsync(Message message, IReadOnlyList<Guid> memberIds, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        var bucket = _options.BucketOf(message.Id);
        // Stored before (a retried send): the inbox counted it then, its events went with it. Checked by
        // reading, not with a conditional insert, because sends are the hottest write and Paxos would cost 4 round trips.
        if ((await db.ExecuteAsync(SelectOne, [message.ConversationId, bucket, message.Id], ct)).Count > 0)
        {
            return;
        }
        await db.BatchAsync(
        [
            ("INSERT INTO message_buckets_by_conversation (conversation_id, bucket) VALUES (?, ?)", [message.ConversationId, bucket]),
            ($"INSERT INTO messages (bucket, {Columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                bucket, message.ConversationId, message.Id, message.SenderId, CassandraDatabase.UnsetIfNull(message.Text),
                message.AttachmentFileIds.Count == 0 ? CqlUnset.Value : message.AttachmentFileIds.Cast<object?>().ToList(), message.SentAt,
                CassandraDatabase.UnsetIfNull(message.EditedAt), CassandraDatabase.UnsetIfNull(message.DeletedAt),
            ]),
        ], events, ct);
        await Parallel.ForEachAsync(memberIds.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (userId, token) =>
        {
            if (await inbox.MoveAsync(userId, message.ConversationId, message.SentAt, token) && userId != message.SenderId)
            {
                await inbox.IncrementUnreadAsync(userId, message.ConversationId, token);
            }
        });
    }

    public async Task<Message?> FindAsync(Guid conversationId, Guid messageId, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync(SelectOne, [conversationId, _options.BucketOf(messageId), messageId], ct);
        return rows.Count == 0 ? null : ReadMessage(rows[0]);
    }

    public Task<Slice<Message, MessagePosition>> ReadAsync(Guid conversationId, MessagePosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return new CassandraMessagePageQuery(db, _options).ReadAsync(conversationId, after?.MessageId, limit, ct);
    }

    /// <summary>The conversation's newest message: the newest bucket, then its first row.</summary>
    internal static async Task<Message?> LatestAsync(CassandraDatabase db, Guid conversationId, CancellationToken ct)
    {
        var buckets = await db.ExecuteAsync("SELECT bucket FROM message_buckets_by_conversation WHERE conversation_id = ? LIMIT 1", [conversationId], ct);
        if (buckets.Count == 0)
        {
            return null;
        }
        var rows = await db.ExecuteAsync($"SELECT {Columns} FROM messages WHERE conversation_id = ? AND bucket = ? LIMIT 1",
            [conversationId, buckets[0].Get<long>("bucket")], ct);
        return rows.Count == 0 ? null : ReadMessage(rows[0]);
    }

    public async Task<bool> EditAsync(
        Guid conversationId, Guid messageId, string text, DateTimeOffset editedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        if (await FindAsync(conversationId, messageId, ct) is not { IsDeleted: false })
        {
            return false;
        }
        // A delete racing this edit still wins on read: a row with deleted_at shows no text.
        await db.BatchAsync(
        [
            ("UPDATE messages SET body = ?, edited_at = ? WHERE conversation_id = ? AND bucket = ? AND message_id = ?",
                [text, editedAt, conversationId, _options.BucketOf(messageId), messageId]),
        ], events, ct);
        return true;
    }

    public async Task<bool> DeleteAsync(
        Guid conversationId, Guid messageId, DateTimeOffset deletedAt, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        var message = await FindAsync(conversationId, messageId, ct);
        if (message is { IsDeleted: false })
        {
            await db.BatchAsync(
            [
                ("UPDATE messages SET body = null, deleted_at = ? WHERE conversation_id = ? AND bucket = ? AND message_id = ?",
                    [deletedAt, conversationId, _options.BucketOf(messageId), messageId]),
            ], events, ct);
        }
        return message is not null;
    }

    public async Task<Guid?> ClaimIdempotencyKeyAsync(Guid senderId, string key, Guid messageId, CancellationToken ct)
    {
        // Conditional: two retries racing each other must agree on one message (sends with a key are few).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var claim = await db.ExecuteAsync("""
                    INSERT INTO idempotency_keys (sender_id, idempotency_key, message_id) VALUES (?, ?, ?)
                    IF NOT EXISTS USING TTL ?
                    """, [senderId, key, messageId, TtlSeconds(_options.IdempotencyKeyTtl)], ct);
                var claimedBy = CassandraDatabase.Applied(claim) ? messageId : claim[0].Get<Guid>("message_id");
                return claimedBy == messageId ? null : claimedBy;
            }
            catch (WriteTimeoutException) when (attempt < 3)
            {
                // Paxos contention (CAS) or a slow replica: the outcome is unknown, and asking again is
                // safe because the condition decides. If our first try won, the answer names our own id.
            }
        }
    }

    internal static int TtlSeconds(TimeSpan ttl) => (int)Math.Max(1, Math.Ceiling(ttl.TotalSeconds));

    internal static Message ReadMessage(Row row)
    {
        var deletedAt = row.Get<DateTimeOffset?>("deleted_at");
        return new Message(
            row.Get<Guid>("conversation_id"),
            row.Get<Guid>("message_id"),
            row.Get<Guid>("sender_id"),
            deletedAt is null ? row.Get<string>("body") : null,
            row.GetList<Guid>("attachment_file_ids"),
            row.Get<DateTimeOffset>("sent_at"),
            row.Get<DateTimeOffset?>("edited_at"),
            deletedAt);
    }
}
