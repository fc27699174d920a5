using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>
/// One page of messages, newest first, read the way the Cassandra store does: walk the
/// conversation's non-empty buckets backwards from the cursor's bucket, one bucket query at a time,
/// until the page (plus one row, to know whether more exist) is full. Runs in one read
/// transaction, so the page is a consistent snapshot.
/// </summary>
internal sealed class SqliteMessagePageQuery(SqliteConnection connection, MessagingStoreOptions options)
{
    public async Task<Slice<Message, MessagePosition>> ReadAsync(Guid conversationId, Guid? before, int limit, CancellationToken ct)
    {
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var items = new List<Message>(limit + 1);
        var beforeKey = before is { } id ? SqliteValues.SortKey(id) : null;
        await foreach (var bucket in BucketsAsync(snapshot, conversationId, before is { } b ? options.BucketOf(b) : long.MaxValue, ct))
        {
            await using var select = connection.Command("""
                SELECT conversation_id, message_id, sender_id, text, attachment_file_ids, sent_at, edited_at, deleted_at
                FROM messages
                WHERE conversation_id = $c AND bucket = $bucket AND ($before IS NULL OR message_key < $before)
                ORDER BY message_key DESC
                LIMIT $limit
                """, snapshot).With("$c", conversationId).With("$bucket", bucket).With("$before", beforeKey)
                .With("$limit", limit + 1 - items.Count);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                items.Add(SqliteMessageStore.ReadMessage(reader));
            }
            if (items.Count > limit)
            {
                items.RemoveAt(limit);
                return new Slice<Message, MessagePosition>(items, new MessagePosition(items[^1].Id));
            }
        }
        return new Slice<Message, MessagePosition>(items, null);
    }

    /// <summary>The conversation's non-empty buckets at or before <paramref name="from"/>, newest first, a few at a time.</summary>
    private async IAsyncEnumerable<long> BucketsAsync(SqliteTransaction snapshot, Guid conversationId, long from, [EnumeratorCancellation] CancellationToken ct)
    {
        const int chunk = 16;
        for (var bound = from; ;)
        {
            await using var select = connection.Command("""
                SELECT bucket FROM message_buckets WHERE conversation_id = $c AND bucket <= $bound ORDER BY bucket DESC LIMIT $chunk
                """, snapshot).With("$c", conversationId).With("$bound", bound).With("$chunk", chunk);
            var buckets = new List<long>(chunk);
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    buckets.Add(reader.GetInt64(0));
                }
            }
            foreach (var bucket in buckets)
            {
                yield return bucket;
            }
            if (buckets.Count < chunk)
            {
                yield break;
            }
            bound = buckets[^1] - 1;
        }
    }
}
