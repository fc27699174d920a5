using Tripmate.Cql;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// The keyspace's tables, created at start with IF NOT EXISTS. Each table is shaped for one query
/// (partition = what one read needs); README.md next to the store explains sizes and trade-offs.
/// </summary>
internal static class CassandraSchema
{
    public static string CreateKeyspace(string keyspace, string replication) =>
        $"CREATE KEYSPACE IF NOT EXISTS {keyspace} WITH replication = {replication} AND durable_writes = true";

    public static readonly IReadOnlyList<string> Tables =
    [
        """
        CREATE TABLE IF NOT EXISTS conversations (
            conversation_id uuid PRIMARY KEY,
            kind text,
            group_id uuid,
            title text,
            created_at timestamp,
            closed_at timestamp)
        """,
        """
        CREATE TABLE IF NOT EXISTS conversation_members (
            conversation_id uuid,
            user_id uuid,
            version bigint,
            removed boolean,
            PRIMARY KEY ((conversation_id), user_id))
        """,
        // Partition (conversation, bucket): bounded by the bucket's time window however old the conversation gets.
        """
        CREATE TABLE IF NOT EXISTS messages (
            conversation_id uuid,
            bucket bigint,
            message_id timeuuid,
            sender_id uuid,
            body text,
            attachment_file_ids list<uuid>,
            sent_at timestamp,
            edited_at timestamp,
            deleted_at timestamp,
            PRIMARY KEY ((conversation_id, bucket), message_id))
        WITH CLUSTERING ORDER BY (message_id DESC)
        """,
        // One row per non-empty bucket, newest first: a page read walks these instead of probing every window.
        """
        CREATE TABLE IF NOT EXISTS message_buckets_by_conversation (
            conversation_id uuid,
            bucket bigint,
            PRIMARY KEY ((conversation_id), bucket))
        WITH CLUSTERING ORDER BY (bucket DESC)
        """,
        // The user's conversations by id: membership from the user's side and the current sort position of each.
        """
        CREATE TABLE IF NOT EXISTS inbox_entries (
            user_id uuid,
            conversation_id uuid,
            last_activity_at timestamp,
            PRIMARY KEY ((user_id), conversation_id))
        """,
        // The inbox order. Moving a conversation up is a delete plus an insert, so this partition collects
        // tombstones; reads ignore rows that do not match inbox_entries, which is also why a short
        // gc_grace_seconds is safe here: a resurrected row is ignored like any stale one.
        """
        CREATE TABLE IF NOT EXISTS inbox_by_activity (
            user_id uuid,
            last_activity_at timestamp,
            conversation_id uuid,
            PRIMARY KEY ((user_id), last_activity_at, conversation_id))
        WITH CLUSTERING ORDER BY (last_activity_at DESC, conversation_id DESC)
        AND gc_grace_seconds = 86400
        AND compaction = {'class': 'LeveledCompactionStrategy'}
        """,
        // Counters: concurrent increments from many senders never lose one (a read-modify-write would).
        """
        CREATE TABLE IF NOT EXISTS unread_counts (
            user_id uuid,
            conversation_id uuid,
            unread counter,
            PRIMARY KEY ((user_id), conversation_id))
        """,
        // Written with USING TTL, so the partition holds at most the TTL's worth of a user's notifications.
        """
        CREATE TABLE IF NOT EXISTS notifications_by_user (
            user_id uuid,
            notification_id timeuuid,
            kind text,
            body text,
            data map<text, text>,
            created_at timestamp,
            is_read boolean,
            PRIMARY KEY ((user_id), notification_id))
        WITH CLUSTERING ORDER BY (notification_id DESC)
        """,
        """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            sender_id uuid,
            idempotency_key text,
            message_id timeuuid,
            PRIMARY KEY ((sender_id, idempotency_key)))
        """,
    ];

    /// <summary>Waits until every node reports the same schema version, as drivers do after DDL, so the next statement finds its table.</summary>
    public static async Task WaitForAgreementAsync(CqlSession session, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var local = await session.ExecuteAsync("SELECT schema_version FROM system.local WHERE key = 'local'", null, null, ct);
            var peers = await session.ExecuteAsync("SELECT schema_version FROM system.peers", null, null, ct);
            var versions = local.Concat(peers).Select(row => row.Get<Guid?>("schema_version")).Where(v => v is not null).Distinct().Count();
            if (versions <= 1)
            {
                return;
            }
            await Task.Delay(200, ct);
        }
    }
}
