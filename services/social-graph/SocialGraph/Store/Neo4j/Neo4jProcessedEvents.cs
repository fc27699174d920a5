using Microsoft.Extensions.Options;
using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>Event ids each consumer has handled, as (:ProcessedEvent) nodes (processed_event_key), for a bounded time.</summary>
public sealed class Neo4jProcessedEvents(Neo4jClient neo4j, TimeProvider clock, IOptions<MessageBusOptions> options) : IProcessedEventStore
{
    internal static readonly CypherQuery IsProcessed = new("processed.is_processed", """
        RETURN EXISTS { MATCH (p:ProcessedEvent {consumer: $consumer, eventId: $eventId}) WHERE p.expiresAt > $now } AS processed
        """, "consumer", "eventId", "now");

    internal static readonly CypherQuery MarkProcessed = new("processed.mark", """
        MERGE (p:ProcessedEvent {consumer: $consumer, eventId: $eventId})
        SET p.expiresAt = $expiresAt
        """, "consumer", "eventId", "expiresAt");

    internal static readonly CypherQuery PurgeExpired = new("processed.purge_expired", """
        MATCH (p:ProcessedEvent)
        WHERE p.expiresAt <= $now
        DELETE p
        """, "now");

    public async Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        (await neo4j.RunAsync(IsProcessed.With(("consumer", consumer), ("eventId", eventId), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds())),
            AccessMode.Read, ct)).Get<bool>(0, "processed");

    public async Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await neo4j.RunAsync(MarkProcessed.With(("consumer", consumer), ("eventId", eventId),
            ("expiresAt", (now + options.Value.ProcessedEventRetention).ToUnixTimeMilliseconds())), AccessMode.Write, ct);
        // Now and then, rather than on a timer of its own: expired ids are never read, this only reclaims them.
        if (Random.Shared.Next(1000) == 0)
        {
            await neo4j.RunAsync(PurgeExpired.With(("now", now.ToUnixTimeMilliseconds())), AccessMode.Write, ct);
        }
    }
}
