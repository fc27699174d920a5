namespace Tripmate.Outbox.Cassandra;

/// <summary>
/// The outbox tables of a Cassandra store. A store adds <see cref="Insert"/> statements to the
/// logged batch of the change that raised the events (a logged batch is applied entirely or, after
/// its batchlog replay, entirely), then signals the relay; <see cref="CassandraOutboxStore"/> is the
/// relay's side.
/// </summary>
public static class CassandraOutbox
{
    /// <summary>Pending events are spread over this many partitions, so no partition grows hot or large.</summary>
    public const int Shards = 16;

    public static readonly IReadOnlyList<string> Tables =
    [
        // A queue-like table: rows are deleted once the broker confirmed them. Clustered by time, so the
        // relay reads from just before the last row it sent and skips the older tombstones; a short
        // gc_grace_seconds is safe because a resurrected row only means one redelivery, which
        // consumers drop by event id.
        """
        CREATE TABLE IF NOT EXISTS outbox_events (
            shard int,
            occurred_at timestamp,
            message_id uuid,
            message_type text,
            payload text,
            trace_parent text,
            PRIMARY KEY ((shard), occurred_at, message_id))
        WITH gc_grace_seconds = 3600
        AND compaction = {'class': 'LeveledCompactionStrategy'}
        """,
        """
        CREATE TABLE IF NOT EXISTS outbox_parked (
            message_id uuid PRIMARY KEY,
            message_type text,
            payload text,
            occurred_at timestamp,
            trace_parent text,
            reason text,
            parked_at timestamp)
        """,
        // Which relay instance reads which shard: a lightweight-transaction lease that expires by TTL.
        """
        CREATE TABLE IF NOT EXISTS outbox_leases (
            shard int PRIMARY KEY,
            owner uuid)
        """,
        // Event ids each consumer handled, written USING TTL (see CassandraProcessedEvents).
        """
        CREATE TABLE IF NOT EXISTS processed_events (
            consumer text,
            event_id uuid,
            PRIMARY KEY ((consumer, event_id)))
        """,
    ];

    public static int ShardOf(Guid messageId) => (int)((uint)messageId.GetHashCode() % Shards);

    /// <summary>The statements that write <paramref name="events"/>; put them in the change's logged batch.</summary>
    public static IEnumerable<(string Cql, object?[] Values)> Insert(IEnumerable<OutboxEnvelope> events) =>
        events.Select(e => (
            "INSERT INTO outbox_events (shard, occurred_at, message_id, message_type, payload, trace_parent) VALUES (?, ?, ?, ?, ?, ?)",
            new object?[] { ShardOf(e.MessageId), e.OccurredAt, e.MessageId, e.MessageType, e.Payload, e.TraceParent ?? (object)Tripmate.Cql.CqlUnset.Value }));
}
