using Tripmate.Contracts;
using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;
using Tripmate.Outbox;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>
/// <see cref="IGraphStore"/> on Neo4j 5 through its HTTP Query API: changes (this file, each in one
/// explicit transaction with its outbox events), reads (<c>.Reads.cs</c>). Every statement sits
/// beside the method that runs it and names the index it relies on; all are listed in
/// <see cref="Neo4jStatements"/> for the lint. Users and groups are found by their uniqueness
/// constraints' indexes (user_id, group_id).
/// </summary>
public sealed partial class Neo4jGraphStore(Neo4jClient neo4j, OutboxSignal outbox) : IGraphStore
{
    // A user node stays after a deletion, marked, so nothing arriving later revives it (user_id).
    internal static readonly CypherQuery AddUser = new("graph.add_user",
        "MERGE (u:User {id: $userId}) ON CREATE SET u.deleted = false", "userId");

    internal static readonly CypherQuery RemoveUser = new("graph.remove_user", """
        MERGE (u:User {id: $userId})
        SET u.deleted = true
        WITH u
        OPTIONAL MATCH (u)-[r]-(other)
        WITH u, collect(r) AS gone, collect(DISTINCT CASE WHEN other:User AND type(r) <> 'MEMBER_OF' THEN other.id END) AS others
        FOREACH (r IN gone | DELETE r)
        RETURN others
        """, "userId");

    internal static readonly CypherQuery UserExists = new("graph.user_exists",
        "RETURN EXISTS { MATCH (u:User {id: $userId}) WHERE u.deleted = false } AS exists", "userId");

    // A membership is applied only over an older version; a removal stays as active = false (user_id, group_id).
    internal static readonly CypherQuery ApplyMembership = new("graph.apply_membership", """
        MERGE (g:Group {id: $groupId}) ON CREATE SET g.deleted = false
        MERGE (u:User {id: $userId}) ON CREATE SET u.deleted = false
        WITH g, u
        WHERE g.deleted = false AND u.deleted = false
        MERGE (u)-[m:MEMBER_OF]->(g) ON CREATE SET m.version = -1, m.active = false
        WITH m
        WHERE m.version < $version
        SET m.version = $version, m.active = $isMember
        RETURN count(m) AS applied
        """, "groupId", "userId", "version", "isMember");

    internal static readonly CypherQuery RemoveGroup = new("graph.remove_group", """
        MERGE (g:Group {id: $groupId})
        SET g.deleted = true
        WITH g
        OPTIONAL MATCH (g)<-[m:MEMBER_OF]-()
        DELETE m
        """, "groupId");

    internal static readonly CypherQuery IsMember = new("graph.is_member", """
        RETURN EXISTS {
            MATCH (u:User {id: $userId})-[m:MEMBER_OF]->(g:Group {id: $groupId})
            WHERE m.active = true AND u.deleted = false AND g.deleted = false
        } AS member
        """, "groupId", "userId");

    // Who the two are to each other, in one read: can the follow or block happen at all (user_id).
    internal static readonly CypherQuery PairState = new("graph.pair_state", """
        OPTIONAL MATCH (target:User {id: $targetId}) WHERE target.deleted = false
        MERGE (actor:User {id: $actorId}) ON CREATE SET actor.deleted = false
        RETURN target IS NOT NULL AND actor.deleted = false AS known,
               target IS NOT NULL AND EXISTS { (actor)-[:BLOCKS]-(target) } AS blocked
        """, "actorId", "targetId");

    // MERGE of a relationship between two bound nodes locks both, so concurrent follows make one.
    internal static readonly CypherQuery Follow = new("graph.follow", """
        MATCH (a:User {id: $followerId})
        WITH a
        MATCH (b:User {id: $followeeId})
        MERGE (a)-[f:FOLLOWS]->(b) ON CREATE SET f.since = $since
        """, "followerId", "followeeId", "since");

    internal static readonly CypherQuery Unfollow = new("graph.unfollow", """
        MATCH (:User {id: $followerId})-[f:FOLLOWS]->(:User {id: $followeeId})
        DELETE f
        """, "followerId", "followeeId");

    internal static readonly CypherQuery Block = new("graph.block", """
        MATCH (a:User {id: $blockerId})
        WITH a
        MATCH (b:User {id: $blockedId})
        MERGE (a)-[k:BLOCKS]->(b) ON CREATE SET k.since = $since
        """, "blockerId", "blockedId", "since");

    internal static readonly CypherQuery Unblock = new("graph.unblock", """
        MATCH (:User {id: $blockerId})-[k:BLOCKS]->(:User {id: $blockedId})
        DELETE k
        """, "blockerId", "blockedId");

    internal static readonly CypherQuery BlockedEitherWay = new("graph.blocked_either_way",
        "RETURN EXISTS { MATCH (:User {id: $oneId})-[:BLOCKS]-(:User {id: $otherId}) } AS blocked", "oneId", "otherId");

    public Task AddUserAsync(Guid userId, CancellationToken ct) =>
        neo4j.RunAsync(AddUser.With(("userId", userId)), AccessMode.Write, ct);

    public Task RemoveUserAsync(Guid userId, Func<IReadOnlyCollection<Guid>, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct) =>
        WriteAsync<IReadOnlyCollection<Guid>>(async (tx, token) =>
        {
            var result = await tx.RunAsync(RemoveUser.With(("userId", userId)), token);
            return [.. result.Get<List<object?>>(0, "others").OfType<string>().Select(Guid.Parse)];
        }, announce, ct);

    public async Task<bool> UserExistsAsync(Guid userId, CancellationToken ct) =>
        (await neo4j.RunAsync(UserExists.With(("userId", userId)), AccessMode.Read, ct)).Get<bool>(0, "exists");

    public async Task<bool> ApplyMembershipAsync(Guid groupId, Guid userId, long version, bool isMember, CancellationToken ct) =>
        (await neo4j.RunAsync(ApplyMembership.With(("groupId", groupId), ("userId", userId), ("version", version), ("isMember", isMember)),
            AccessMode.Write, ct)).Get<long>(0, "applied") == 1;

    public Task RemoveGroupAsync(Guid groupId, CancellationToken ct) =>
        neo4j.RunAsync(RemoveGroup.With(("groupId", groupId)), AccessMode.Write, ct);

    public async Task<bool> IsMemberAsync(Guid groupId, Guid userId, CancellationToken ct) =>
        (await neo4j.RunAsync(IsMember.With(("groupId", groupId), ("userId", userId)), AccessMode.Read, ct)).Get<bool>(0, "member");

    public Task<FollowOutcome> FollowAsync(
        Guid followerId, Guid followeeId, DateTimeOffset at, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        WriteAsync(async (tx, token) =>
        {
            var pair = await tx.RunAsync(PairState.With(("actorId", followerId), ("targetId", followeeId)), token);
            if (!pair.Get<bool>(0, "known"))
            {
                return FollowOutcome.UnknownUser;
            }

            if (pair.Get<bool>(0, "blocked"))
            {
                return FollowOutcome.Blocked;
            }

            var follow = await tx.RunAsync(Follow.With(("followerId", followerId), ("followeeId", followeeId), ("since", at.ToUnixTimeMilliseconds())), token);
            return follow.Counter("relationshipsCreated") == 1 ? FollowOutcome.Followed : FollowOutcome.AlreadyFollowing;
        }, outcome => outcome == FollowOutcome.Followed ? announce : [], ct);

    public Task<bool> UnfollowAsync(Guid followerId, Guid followeeId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        WriteAsync(async (tx, token) =>
            (await tx.RunAsync(Unfollow.With(("followerId", followerId), ("followeeId", followeeId)), token)).Counter("relationshipsDeleted") == 1,
            removed => removed ? announce : [], ct);

    public Task<BlockOutcome> BlockAsync(
        Guid blockerId, Guid blockedId, DateTimeOffset at, Func<BlockOutcome, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct) =>
        WriteAsync(async (tx, token) =>
        {
            var pair = await tx.RunAsync(PairState.With(("actorId", blockerId), ("targetId", blockedId)), token);
            if (!pair.Get<bool>(0, "known"))
            {
                return BlockOutcome.Unknown;
            }

            var created = (await tx.RunAsync(Block.With(("blockerId", blockerId), ("blockedId", blockedId), ("since", at.ToUnixTimeMilliseconds())), token))
                .Counter("relationshipsCreated") == 1;
            var endedBlockers = (await tx.RunAsync(Unfollow.With(("followerId", blockerId), ("followeeId", blockedId)), token)).Counter("relationshipsDeleted") == 1;
            var endedBlockeds = (await tx.RunAsync(Unfollow.With(("followerId", blockedId), ("followeeId", blockerId)), token)).Counter("relationshipsDeleted") == 1;
            return new BlockOutcome(false, created, endedBlockers, endedBlockeds);
        }, announce, ct);

    public Task<bool> UnblockAsync(Guid blockerId, Guid blockedId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        WriteAsync(async (tx, token) =>
            (await tx.RunAsync(Unblock.With(("blockerId", blockerId), ("blockedId", blockedId)), token)).Counter("relationshipsDeleted") == 1,
            removed => removed ? announce : [], ct);

    public async Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct) =>
        (await neo4j.RunAsync(BlockedEitherWay.With(("oneId", oneUserId), ("otherId", otherUserId)), AccessMode.Read, ct)).Get<bool>(0, "blocked");

    /// <summary>
    /// Runs <paramref name="change"/> in one transaction and writes the events it names as
    /// (:OutboxEvent) nodes in the same transaction; wakes the relay after the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(
        Func<Neo4jTransaction, CancellationToken, Task<T>> change, Func<T, IReadOnlyCollection<IntegrationEvent>> eventsOf, CancellationToken ct)
    {
        var announced = false;
        var result = await neo4j.ExecuteWriteAsync(async (tx, token) =>
        {
            var outcome = await change(tx, token);
            var events = eventsOf(outcome);
            announced = events.Count > 0;
            if (announced)
            {
                await tx.RunAsync(Neo4jOutboxStore.Write.With(("events", Neo4jOutboxStore.Rows(events))), token);
            }

            return outcome;
        }, ct);
        if (announced)
        {
            outbox.Notify();
        }

        return result;
    }
}
