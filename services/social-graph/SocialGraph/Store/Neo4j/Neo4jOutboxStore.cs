using Tripmate.Contracts;
using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;
using Tripmate.Outbox;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>
/// The outbox as (:OutboxEvent) nodes, written by <see cref="Neo4jGraphStore"/> in the transaction of
/// each change, and this, the relay's side. Leases are set in one statement; two relays racing for
/// the same event may both send it, which consumers drop by its id (the broker message id).
/// Pending events are found through outbox_pending, single ones through outbox_event_id.
/// </summary>
public sealed class Neo4jOutboxStore(Neo4jClient neo4j, TimeProvider clock) : IOutboxStore
{
    // MERGE by id: a transaction retried after an unknown outcome does not announce twice.
    internal static readonly CypherQuery Write = new("outbox.write", """
        UNWIND $events AS event
        MERGE (e:OutboxEvent {id: event.id})
        ON CREATE SET e.type = event.type, e.payload = event.payload, e.occurredAt = event.occurredAt,
                      e.traceParent = event.traceParent, e.createdAt = timestamp(), e.pending = true, e.attempts = 0
        """, "events");

    internal static readonly CypherQuery Lease = new("outbox.lease", """
        MATCH (e:OutboxEvent)
        WHERE e.pending = true AND (e.leasedUntil IS NULL OR e.leasedUntil < $now)
        WITH e ORDER BY e.createdAt, e.id LIMIT $max
        SET e.leasedUntil = $until
        RETURN e.id AS id, e.type AS type, e.payload AS payload, e.occurredAt AS occurredAt, e.traceParent AS traceParent, e.attempts AS attempts
        """, "now", "max", "until");

    internal static readonly CypherQuery MarkSent = new("outbox.mark_sent", """
        UNWIND $ids AS id
        MATCH (e:OutboxEvent {id: id})
        SET e.pending = false, e.sentAt = $now, e.leasedUntil = null, e.attempts = e.attempts + 1, e.lastError = null
        """, "ids", "now");

    internal static readonly CypherQuery Release = new("outbox.release", """
        UNWIND $ids AS id
        MATCH (e:OutboxEvent {id: id})
        SET e.leasedUntil = null, e.attempts = e.attempts + 1, e.lastError = $error
        """, "ids", "error");

    internal static readonly CypherQuery Park = new("outbox.park", """
        MATCH (e:OutboxEvent {id: $id})
        SET e.pending = false, e.parkedAt = $now, e.leasedUntil = null, e.lastError = $reason
        """, "id", "now", "reason");

    internal static readonly CypherQuery PurgeSent = new("outbox.purge_sent", """
        MATCH (e:OutboxEvent)
        WHERE e.pending = false AND e.sentAt < $before
        DELETE e
        """, "before");

    /// <summary>The events as the parameter of <see cref="Write"/>.</summary>
    internal static List<Dictionary<string, object?>> Rows(IEnumerable<IntegrationEvent> events) =>
    [
        .. events.Select(OutboxEnvelope.From).Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.MessageId.ToString(),
            ["type"] = e.MessageType,
            ["payload"] = e.Payload,
            ["occurredAt"] = e.OccurredAt.ToUnixTimeMilliseconds(),
            ["traceParent"] = e.TraceParent,
        }),
    ];

    public async Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = await neo4j.RunAsync(Lease.With(
            ("now", now.ToUnixTimeMilliseconds()), ("max", max), ("until", (now + lease).ToUnixTimeMilliseconds())), AccessMode.Write, ct);
        return result.Select(row => new PendingEvent(
            new OutboxEnvelope(row.Get<Guid>("id"), row.Get<string>("type"), row.Get<string>("payload"),
                DateTimeOffset.FromUnixTimeMilliseconds(row.Get<long>("occurredAt")), row.Get<string?>("traceParent")),
            row.Get<string>("id"), row.Get<int>("attempts")));
    }

    public Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct) =>
        sent.Count == 0 ? Task.CompletedTask
            : neo4j.RunAsync(MarkSent.With(("ids", Ids(sent)), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds())), AccessMode.Write, ct);

    public Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct) =>
        unsent.Count == 0 ? Task.CompletedTask : neo4j.RunAsync(Release.With(("ids", Ids(unsent)), ("error", error)), AccessMode.Write, ct);

    public Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct) =>
        neo4j.RunAsync(Park.With(("id", (string)parked.Position), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds()), ("reason", reason)),
            AccessMode.Write, ct);

    public Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct) =>
        neo4j.RunAsync(PurgeSent.With(("before", sentBefore.ToUnixTimeMilliseconds())), AccessMode.Write, ct);

    private static List<string> Ids(IEnumerable<PendingEvent> events) => [.. events.Select(e => (string)e.Position)];
}
