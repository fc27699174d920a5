using Tripmate.Neo4j;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>Every Cypher statement the service can run, in one list, so a test can lint each with Neo4j's own front end.</summary>
public static class Neo4jStatements
{
    public static IReadOnlyList<CypherQuery> All { get; } =
    [
        .. Neo4jSchema.All,
        Neo4jGraphStore.AddUser, Neo4jGraphStore.RemoveUser, Neo4jGraphStore.UserExists, Neo4jGraphStore.ApplyMembership,
        Neo4jGraphStore.RemoveGroup, Neo4jGraphStore.IsMember, Neo4jGraphStore.PairState, Neo4jGraphStore.Follow, Neo4jGraphStore.Unfollow,
        Neo4jGraphStore.Block, Neo4jGraphStore.Unblock, Neo4jGraphStore.BlockedEitherWay,
        Neo4jGraphStore.Followers, Neo4jGraphStore.Following, Neo4jGraphStore.Friends, Neo4jGraphStore.Blocks, Neo4jGraphStore.Counts,
        Neo4jGraphStore.MutualFriends, Neo4jGraphStore.Suggestions, Neo4jGraphStore.GroupSuggestions, Neo4jGraphStore.ShortestPath,
        Neo4jOutboxStore.Write, Neo4jOutboxStore.Lease, Neo4jOutboxStore.MarkSent, Neo4jOutboxStore.Release, Neo4jOutboxStore.Park,
        Neo4jOutboxStore.PurgeSent, Neo4jProcessedEvents.IsProcessed, Neo4jProcessedEvents.MarkProcessed, Neo4jProcessedEvents.PurgeExpired,
        Neo4jHealthCheck.Probe,
    ];

    /// <summary>The labels, relationship types and property keys the statements may use: anything else is a typo the lint reports.</summary>
    public static readonly string[] Labels = ["User", "Group", "OutboxEvent", "ProcessedEvent"];

    public static readonly string[] RelationshipTypes = ["FOLLOWS", "BLOCKS", "MEMBER_OF"];

    public static readonly string[] PropertyKeys =
    [
        "id", "deleted", "since", "version", "active", "type", "payload", "occurredAt", "traceParent", "createdAt", "pending", "attempts",
        "leasedUntil", "sentAt", "parkedAt", "lastError", "consumer", "eventId", "expiresAt",
    ];
}
