using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.SocialGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Each list is (since, id) descending; keyset paging with a row-value comparison, served by
    // the (follower, since) / (followee, since) / blocks indexes.

    /// <summary>The user's friends as rows (seq, since): mutual follows, the friendship dating from the later follow.</summary>
    private const string FriendsOf = """
        SELECT a.followee AS seq, max(a.since, b.since) AS since
        FROM follows a JOIN follows b ON b.follower = a.followee AND b.followee = a.follower
        WHERE a.follower = (SELECT seq FROM users WHERE id = $u)
        """;

    public Task<Slice<Connection, ConnectionPosition>> FollowersAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync("SELECT follower AS seq, since FROM follows WHERE followee = (SELECT seq FROM users WHERE id = $u)", userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> FollowingAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync("SELECT followee AS seq, since FROM follows WHERE follower = (SELECT seq FROM users WHERE id = $u)", userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> FriendsAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync(FriendsOf, userId, after, limit, ct);

    public Task<Slice<Connection, ConnectionPosition>> BlocksAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        ConnectionsAsync("SELECT blocked AS seq, since FROM blocks WHERE blocker = (SELECT seq FROM users WHERE id = $u)", userId, after, limit, ct);

    public Task<RelationshipCounts> CountsAsync(Guid userId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                SELECT
                    (SELECT count(*) FROM follows WHERE followee = (SELECT seq FROM users WHERE id = $u)),
                    (SELECT count(*) FROM follows WHERE follower = (SELECT seq FROM users WHERE id = $u)),
                    (SELECT count(*) FROM ({FriendsOf}))
                """).With("$u", userId);
            var rows = await select.ListAsync(r => new RelationshipCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct);
            return rows[0];
        }, ct);

    public Task<Slice<Guid, MutualPosition>> MutualFriendsAsync(Guid userId, Guid otherUserId, MutualPosition? after, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                WITH mine AS ({FriendsOf}),
                     theirs AS ({FriendsOf.Replace("$u", "$o")})
                SELECT u.id FROM mine JOIN theirs ON theirs.seq = mine.seq JOIN users u ON u.seq = mine.seq
                WHERE $after IS NULL OR u.id > $after
                ORDER BY u.id LIMIT $n
                """).With("$u", userId).With("$o", otherUserId).With("$after", after?.UserId).With("$n", limit + 1);
            var rows = await select.ListAsync(r => r.GetId(0), ct);
            return Slice.FromOverfetch(rows, limit, id => new MutualPosition(id));
        }, ct);

    private Task<Slice<Connection, ConnectionPosition>> ConnectionsAsync(
        string rowsOfUser, Guid userId, ConnectionPosition? after, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                WITH list AS ({rowsOfUser})
                SELECT u.id, list.since FROM list JOIN users u ON u.seq = list.seq
                WHERE $hasAfter = 0 OR (list.since, u.id) < ($since, $id)
                ORDER BY list.since DESC, u.id DESC LIMIT $n
                """)
                .With("$u", userId).With("$hasAfter", after is not null).With("$since", after?.SinceMs ?? 0)
                .With("$id", after?.UserId.ToString() ?? "").With("$n", limit + 1);
            var rows = await select.ListAsync(r => new Connection(r.GetId(0), r.GetTime(1)), ct);
            return Slice.FromOverfetch(rows, limit, row => new ConnectionPosition(row.Since.ToUnixTimeMilliseconds(), row.UserId));
        }, ct);
}
