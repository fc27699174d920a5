using Tripmate.Neo4j;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>
/// Constraints and indexes, created at start (idempotent: IF NOT EXISTS). Every lookup of a user
/// or group by id goes through the index behind its uniqueness constraint; the outbox relay's
/// scan uses outbox_pending.
/// </summary>
public static class Neo4jSchema
{
    public static readonly CypherQuery UserId = new("schema.user_id",
        "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE");

    public static readonly CypherQuery GroupId = new("schema.group_id",
        "CREATE CONSTRAINT group_id IF NOT EXISTS FOR (g:Group) REQUIRE g.id IS UNIQUE");

    public static readonly CypherQuery OutboxEventId = new("schema.outbox_event_id",
        "CREATE CONSTRAINT outbox_event_id IF NOT EXISTS FOR (e:OutboxEvent) REQUIRE e.id IS UNIQUE");

    public static readonly CypherQuery OutboxPending = new("schema.outbox_pending",
        "CREATE INDEX outbox_pending IF NOT EXISTS FOR (e:OutboxEvent) ON (e.pending, e.createdAt)");

    public static readonly CypherQuery ProcessedEventKey = new("schema.processed_event_key",
        "CREATE CONSTRAINT processed_event_key IF NOT EXISTS FOR (p:ProcessedEvent) REQUIRE (p.consumer, p.eventId) IS UNIQUE");

    /// <summary>Lets lists be read in since order from the relationship index where the planner prefers it.</summary>
    public static readonly CypherQuery FollowsSince = new("schema.follows_since",
        "CREATE INDEX follows_since IF NOT EXISTS FOR ()-[f:FOLLOWS]-() ON (f.since)");

    public static readonly IReadOnlyList<CypherQuery> All = [UserId, GroupId, OutboxEventId, OutboxPending, ProcessedEventKey, FollowsSince];
}
