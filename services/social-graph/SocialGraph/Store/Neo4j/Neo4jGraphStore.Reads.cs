using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.SocialGraph.Store.Neo4j;

public sealed partial class Neo4jGraphStore
{
    // Lists start at the user found through user_id and expand its relationships; keyset paging on
    // (since, id) descending. $afterSince null: the first page.
    private const string ConnectionPage = """
        WHERE $afterSince IS NULL OR since < $afterSince OR (since = $afterSince AND id < $afterId)
        RETURN id, since
        ORDER BY since DESC, id DESC
        LIMIT $limit
        """;

    internal static readonly CypherQuery Followers = new("graph.followers", $"""
        MATCH (:User {"{"}id: $userId{"}"})<-[f:FOLLOWS]-(other:User)
        WITH other.id AS id, f.since AS since
        {ConnectionPage}
        """, "userId", "afterSince", "afterId", "limit");

    internal static readonly CypherQuery Following = new("graph.following", $"""
        MATCH (:User {"{"}id: $userId{"}"})-[f:FOLLOWS]->(other:User)
        WITH other.id AS id, f.since AS since
        {ConnectionPage}
        """, "userId", "afterSince", "afterId", "limit");

    internal static readonly CypherQuery Friends = new("graph.friends", $"""
        MATCH (me:User {"{"}id: $userId{"}"})-[a:FOLLOWS]->(other:User)-[b:FOLLOWS]->(me)
        WITH other.id AS id, CASE WHEN a.since > b.since THEN a.since ELSE b.since END AS since
        {ConnectionPage}
        """, "userId", "afterSince", "afterId", "limit");

    internal static readonly CypherQuery Blocks = new("graph.blocks", $"""
        MATCH (:User {"{"}id: $userId{"}"})-[k:BLOCKS]->(other:User)
        WITH other.id AS id, k.since AS since
        {ConnectionPage}
        """, "userId", "afterSince", "afterId", "limit");

    internal static readonly CypherQuery Counts = new("graph.counts", """
        OPTIONAL MATCH (u:User {id: $userId})
        RETURN COUNT { (u)<-[:FOLLOWS]-(:User) } AS followers,
               COUNT { (u)-[:FOLLOWS]->(:User) } AS following,
               COUNT { (u)-[:FOLLOWS]->(f:User)-[:FOLLOWS]->(u) } AS friends
        """, "userId");

    internal static readonly CypherQuery MutualFriends = new("graph.mutual_friends", """
        MATCH (me:User {id: $userId})-[:FOLLOWS]->(f:User)-[:FOLLOWS]->(me),
              (other:User {id: $otherId})-[:FOLLOWS]->(f)-[:FOLLOWS]->(other)
        WITH DISTINCT f.id AS id
        WHERE $afterId IS NULL OR id > $afterId
        RETURN id
        ORDER BY id
        LIMIT $limit
        """, "userId", "otherId", "afterId", "limit");

    // Two hops out from the user (user_id), grouped by whom they reach; shared groups counted for those left.
    internal static readonly CypherQuery Suggestions = new("graph.suggestions", """
        MATCH (me:User {id: $userId})-[:FOLLOWS]->(via:User)-[:FOLLOWS]->(candidate:User)
        WHERE candidate <> me AND candidate.deleted = false
          AND NOT EXISTS { (me)-[:FOLLOWS]->(candidate) }
          AND NOT EXISTS { (me)-[:BLOCKS]-(candidate) }
        WITH me, candidate, count(DISTINCT via) AS mutual
        WITH candidate.id AS id, mutual,
             COUNT { (me)-[m1:MEMBER_OF]->(g:Group)<-[m2:MEMBER_OF]-(candidate) WHERE m1.active AND m2.active AND g.deleted = false } AS shared
        WHERE $afterId IS NULL OR mutual < $afterMutual
           OR (mutual = $afterMutual AND (shared < $afterShared OR (shared = $afterShared AND id > $afterId)))
        RETURN id, mutual, shared
        ORDER BY mutual DESC, shared DESC, id ASC
        LIMIT $limit
        """, "userId", "afterMutual", "afterShared", "afterId", "limit");

    internal static readonly CypherQuery GroupSuggestions = new("graph.group_suggestions", """
        MATCH (me:User {id: $userId})-[:FOLLOWS]->(friend:User)-[:FOLLOWS]->(me)
        MATCH (friend)-[m:MEMBER_OF]->(g:Group)
        WHERE m.active AND g.deleted = false
          AND NOT EXISTS { MATCH (me)-[mine:MEMBER_OF]->(g) WHERE mine.active }
        WITH g.id AS id, count(DISTINCT friend) AS friends
        WHERE $afterId IS NULL OR friends < $afterFriends OR (friends = $afterFriends AND id > $afterId)
        RETURN id, friends
        ORDER BY friends DESC, id ASC
        LIMIT $limit
        """, "userId", "afterFriends", "afterId", "limit");

    // SHORTEST 1 over a quantified path pattern (Neo4j 5.21+); its bound must be a literal, so the
    // caller's depth is applied to the one shortest path found. Both ends come from user_id.
    internal static readonly CypherQuery ShortestPath = new("graph.shortest_path", """
        OPTIONAL MATCH (:User {id: $viewerId})-[:BLOCKS]-(blocked:User)
        WITH collect(blocked.id) AS avoided
        MATCH (from:User {id: $fromId})
        WHERE from.deleted = false AND NOT from.id IN avoided
        WITH from, avoided
        MATCH (to:User {id: $toId})
        WHERE to.deleted = false AND NOT to.id IN avoided
        MATCH p = SHORTEST 1 (from)(()-[:FOLLOWS]->(step:User) WHERE NOT step.id IN avoided){0,6}(to)
        WHERE length(p) <= $maxDepth
        RETURN [n IN nodes(p) | n.id] AS ids
        """, "viewerId", "fromId", "toId", "maxDepth");

    public Task<Slice<Connection, ConnectionPosition>> FollowersAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync(Followers, userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> FollowingAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync(Following, userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> FriendsAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync(Friends, userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> BlocksAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync(Blocks, userId, after, limit, ct);

    public async Task<RelationshipCounts> CountsAsync(Guid userId, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(Counts.With(("userId", userId)), AccessMode.Read, ct);
        return new RelationshipCounts(result.Get<long>(0, "followers"), result.Get<long>(0, "following"), result.Get<long>(0, "friends"));
    }

    public async Task<Slice<Guid, MutualPosition>> MutualFriendsAsync(Guid userId, Guid otherUserId, MutualPosition? after, int limit, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(MutualFriends.With(
            ("userId", userId), ("otherId", otherUserId), ("afterId", after?.UserId.ToString()), ("limit", limit + 1)), AccessMode.Read, ct);
        return Slice.FromOverfetch(result.Select(row => row.Get<Guid>("id")), limit, id => new MutualPosition(id));
    }

    public async Task<Slice<Suggestion, SuggestionPosition>> SuggestionsAsync(Guid userId, SuggestionPosition? after, int limit, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(Suggestions.With(
            ("userId", userId), ("afterMutual", after?.MutualConnections), ("afterShared", after?.SharedGroups),
            ("afterId", after?.UserId.ToString()), ("limit", limit + 1)), AccessMode.Read, ct);
        var rows = result.Select(row => new Suggestion(row.Get<Guid>("id"), row.Get<long>("mutual"), row.Get<long>("shared")));
        return Slice.FromOverfetch(rows, limit, s => new SuggestionPosition(s.MutualConnections, s.SharedGroups, s.UserId));
    }

    public async Task<Slice<GroupSuggestion, GroupSuggestionPosition>> GroupSuggestionsAsync(
        Guid userId, GroupSuggestionPosition? after, int limit, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(GroupSuggestions.With(
            ("userId", userId), ("afterFriends", after?.Friends), ("afterId", after?.GroupId.ToString()), ("limit", limit + 1)), AccessMode.Read, ct);
        var rows = result.Select(row => new GroupSuggestion(row.Get<Guid>("id"), row.Get<long>("friends")));
        return Slice.FromOverfetch(rows, limit, s => new GroupSuggestionPosition(s.Friends, s.GroupId));
    }

    public async Task<IReadOnlyList<Guid>?> ShortestPathAsync(Guid viewerId, Guid fromUserId, Guid toUserId, int maxDepth, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(ShortestPath.With(
            ("viewerId", viewerId), ("fromId", fromUserId), ("toId", toUserId), ("maxDepth", maxDepth)), AccessMode.Read, ct);
        return result.Rows.Count == 0 ? null : [.. result.Get<List<object?>>(0, "ids").Select(id => Guid.Parse((string)id!))];
    }

    private async Task<Slice<Connection, ConnectionPosition>> ConnectionsAsync(
        CypherQuery query, Guid userId, ConnectionPosition? after, int limit, CancellationToken ct)
    {
        var result = await neo4j.RunAsync(query.With(
            ("userId", userId), ("afterSince", after?.SinceMs), ("afterId", after?.UserId.ToString()), ("limit", limit + 1)), AccessMode.Read, ct);
        var rows = result.Select(row => new Connection(row.Get<Guid>("id"), DateTimeOffset.FromUnixTimeMilliseconds(row.Get<long>("since"))));
        return Slice.FromOverfetch(rows, limit, c => new ConnectionPosition(c.Since.ToUnixTimeMilliseconds(), c.UserId));
    }
}
