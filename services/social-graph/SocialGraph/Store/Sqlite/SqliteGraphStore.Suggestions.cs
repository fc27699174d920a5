using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.SocialGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<Slice<Suggestion, SuggestionPosition>> SuggestionsAsync(Guid userId, SuggestionPosition? after, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            // Two hops out along follows (primary key of follows, then again), grouped by whom they
            // reach; blocks are checked both ways by their primary key and blocks_by_blocked.
            // Shared groups are counted only for the candidates left, through memberships_by_user.
            await using var select = c.Command("""
                WITH me AS (SELECT seq FROM users WHERE id = $u AND deleted = 0),
                mine AS (SELECT followee AS seq FROM follows WHERE follower = (SELECT seq FROM me)),
                -- count(*) counts distinct people: (follower, followee) is the primary key of follows.
                -- Candidates are grouped first, so the exclusions run once per person, not per path.
                reached_all AS (
                    SELECT f.followee AS seq, count(*) AS mutual
                    FROM mine JOIN follows f ON f.follower = mine.seq
                    GROUP BY f.followee),
                reached AS (
                    SELECT r.seq, r.mutual FROM reached_all r
                    WHERE r.seq <> (SELECT seq FROM me)
                      AND NOT EXISTS (SELECT 1 FROM follows WHERE follower = (SELECT seq FROM me) AND followee = r.seq)
                      AND NOT EXISTS (SELECT 1 FROM blocks WHERE blocker = (SELECT seq FROM me) AND blocked = r.seq)
                      AND NOT EXISTS (SELECT 1 FROM blocks WHERE blocker = r.seq AND blocked = (SELECT seq FROM me))),
                ranked AS (
                    SELECT u.id, reached.mutual,
                        (SELECT count(*) FROM memberships a
                         JOIN memberships b ON b.group_seq = a.group_seq AND b.user_seq = reached.seq AND b.is_member = 1
                         JOIN groups g ON g.seq = a.group_seq AND g.deleted = 0
                         WHERE a.user_seq = (SELECT seq FROM me) AND a.is_member = 1) AS shared
                    FROM reached JOIN users u ON u.seq = reached.seq AND u.deleted = 0)
                SELECT id, mutual, shared FROM ranked
                WHERE $hasAfter = 0 OR mutual < $mutual OR (mutual = $mutual AND (shared < $shared OR (shared = $shared AND id > $id)))
                ORDER BY mutual DESC, shared DESC, id ASC
                LIMIT $n
                """)
                .With("$u", userId).With("$hasAfter", after is not null).With("$mutual", after?.MutualConnections ?? 0)
                .With("$shared", after?.SharedGroups ?? 0).With("$id", after?.UserId.ToString() ?? "").With("$n", limit + 1);
            var rows = await select.ListAsync(r => new Suggestion(r.GetId(0), r.GetInt64(1), r.GetInt64(2)), ct);
            return Slice.FromOverfetch(rows, limit, s => new SuggestionPosition(s.MutualConnections, s.SharedGroups, s.UserId));
        }, ct);

    public Task<Slice<GroupSuggestion, GroupSuggestionPosition>> GroupSuggestionsAsync(
        Guid userId, GroupSuggestionPosition? after, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                WITH friends AS ({FriendsOf}),
                counted AS (
                    SELECT g.id, count(*) AS friends
                    FROM friends JOIN memberships m ON m.user_seq = friends.seq AND m.is_member = 1
                    JOIN groups g ON g.seq = m.group_seq AND g.deleted = 0
                    WHERE NOT EXISTS (
                        SELECT 1 FROM memberships mine
                        WHERE mine.group_seq = m.group_seq AND mine.is_member = 1
                          AND mine.user_seq = (SELECT seq FROM users WHERE id = $u))
                    GROUP BY g.id)
                SELECT id, friends FROM counted
                WHERE $hasAfter = 0 OR friends < $friends OR (friends = $friends AND id > $id)
                ORDER BY friends DESC, id ASC
                LIMIT $n
                """)
                .With("$u", userId).With("$hasAfter", after is not null).With("$friends", after?.Friends ?? 0)
                .With("$id", after?.GroupId.ToString() ?? "").With("$n", limit + 1);
            var rows = await select.ListAsync(r => new GroupSuggestion(r.GetId(0), r.GetInt64(1)), ct);
            return Slice.FromOverfetch(rows, limit, s => new GroupSuggestionPosition(s.Friends, s.GroupId));
        }, ct);
}
