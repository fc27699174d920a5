using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tripmate.Outbox.Sqlite;

namespace Tripmate.SocialGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    private const string OutgoingSql = "SELECT follower, followee FROM follows WHERE follower IN (SELECT value FROM json_each($frontier))";
    private const string IncomingSql = "SELECT followee, follower FROM follows WHERE followee IN (SELECT value FROM json_each($frontier))";

    /// <summary>
    /// Bidirectional breadth-first search, one whole level at a time from whichever side has the
    /// smaller frontier: forward along follows from the start, backward against them from the end.
    /// The first level on which the two searches meet gives a shortest path (no shorter one can
    /// exist, or they would have met a level earlier). Each level is one indexed query.
    /// </summary>
    public Task<IReadOnlyList<Guid>?> ShortestPathAsync(Guid viewerId, Guid fromUserId, Guid toUserId, int maxDepth, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Guid>?>(async c =>
        {
            if (await SqliteRows.LiveUserAsync(c, null, fromUserId, ct) is not { } from || await SqliteRows.LiveUserAsync(c, null, toUserId, ct) is not { } to)
            {
                return null;
            }

            var avoided = await BlockedWithAsync(c, viewerId, ct);
            if (avoided.Contains(from) || avoided.Contains(to))
            {
                return null;
            }

            if (from == to)
            {
                return [fromUserId];
            }

            var search = new PathSearch(from, to);
            for (var depth = 0; depth < maxDepth; depth++)
            {
                var forward = search.ForwardFrontierIsSmaller;
                var frontier = forward ? search.ForwardFrontier : search.BackwardFrontier;
                var edges = await NeighboursAsync(c, forward ? OutgoingSql : IncomingSql, frontier, ct);
                if (search.Expand(forward, edges, avoided) is { } meeting)
                {
                    return await IdsOfAsync(c, search.PathThrough(meeting), ct);
                }

                if (search.Exhausted)
                {
                    return null;
                }
            }

            return null;
        }, ct);

    private static async Task<HashSet<long>> BlockedWithAsync(SqliteConnection c, Guid viewerId, CancellationToken ct)
    {
        await using var select = c.Command("""
            SELECT blocked FROM blocks WHERE blocker = (SELECT seq FROM users WHERE id = $v)
            UNION SELECT blocker FROM blocks WHERE blocked = (SELECT seq FROM users WHERE id = $v)
            """).With("$v", viewerId);
        return [.. await select.ListAsync(r => r.GetInt64(0), ct)];
    }

    private static async Task<List<(long From, long To)>> NeighboursAsync(SqliteConnection c, string sql, IReadOnlyCollection<long> frontier, CancellationToken ct)
    {
        await using var select = c.Command(sql).With("$frontier", JsonSerializer.Serialize(frontier));
        return await select.ListAsync(r => (r.GetInt64(0), r.GetInt64(1)), ct);
    }

    private static async Task<IReadOnlyList<Guid>> IdsOfAsync(SqliteConnection c, IReadOnlyList<long> seqs, CancellationToken ct)
    {
        await using var select = c.Command("SELECT seq, id FROM users WHERE seq IN (SELECT value FROM json_each($seqs))")
            .With("$seqs", JsonSerializer.Serialize(seqs));
        var ids = (await select.ListAsync(r => (Seq: r.GetInt64(0), Id: r.GetId(1)), ct)).ToDictionary(r => r.Seq, r => r.Id);
        return [.. seqs.Select(seq => ids[seq])];
    }
}
