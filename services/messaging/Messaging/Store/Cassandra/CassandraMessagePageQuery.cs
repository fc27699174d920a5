using Tripmate.ServiceDefaults.Paging;
namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// One page of messages, newest first: the conversation's non-empty buckets from the cursor's
/// bucket backwards (the bucket index, never a probe of each time window), one single-partition
/// query per bucket until the page plus one row (to know whether more exist) is full.
/// </summary>
internal sealed class CassandraMessagePageQuery(CassandraDatabase db, MessagingStoreOptions options)
{
    private const string FromBucket =
        $"SELECT {CassandraMessageStore.Columns} FROM messages WHERE conversation_id = ? AND bucket = ? LIMIT ?";
    private const string FromBucketBefore =
        $"SELECT {CassandraMessageStore.Columns} FROM messages WHERE conversation_id = ? AND bucket = ? AND message_id < ? LIMIT ?";

    public async Task<Slice<Message, MessagePosition>> ReadAsync(Guid conversationId, Guid? before, int limit, CancellationToken ct)
    {
        var items = new List<Message>(limit + 1);
        var (bucketsCql, bucketValues) = before is { } b
            ? ("SELECT bucket FROM message_buckets_by_conversation WHERE conversation_id = ? AND bucket <= ?", new object?[] { conversationId, options.BucketOf(b) })
            : ("SELECT bucket FROM message_buckets_by_conversation WHERE conversation_id = ?", [conversationId]);
        // Small pages of buckets: a page of messages rarely needs more than a few.
        await foreach (var bucketRow in db.ReadAllAsync(bucketsCql, bucketValues, ct, pageSize: 16))
        {
            var bucket = bucketRow.Get<long>("bucket");
            var wanted = limit + 1 - items.Count;
            var rows = before is { } id
                ? await db.ExecuteAsync(FromBucketBefore, [conversationId, bucket, id, wanted], ct)
                : await db.ExecuteAsync(FromBucket, [conversationId, bucket, wanted], ct);
            items.AddRange(rows.Select(CassandraMessageStore.ReadMessage));
            if (items.Count > limit)
            {
                items.RemoveAt(limit);
                return new Slice<Message, MessagePosition>(items, new MessagePosition(items[^1].Id));
            }
        }
        return new Slice<Message, MessagePosition>(items, null);
    }
}
