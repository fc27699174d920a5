using Tripmate.Contracts;
using Tripmate.Outbox.Sqlite;
using static Tripmate.SocialGraph.Store.Sqlite.SqliteRows;

namespace Tripmate.SocialGraph.Store.Sqlite;

/// <summary>
/// <see cref="IGraphStore"/> on the embedded SQLite file: the changes (this file), the lists
/// (<c>.Lists.cs</c>), suggestions (<c>.Suggestions.cs</c>) and paths (<c>.Paths.cs</c>).
/// Every change and the events announcing it commit in one transaction (the outbox).
/// </summary>
public sealed partial class SqliteGraphStore(SqliteGraphDatabase database) : IGraphStore
{
    public Task AddUserAsync(Guid userId, CancellationToken ct) =>
        database.WriteAsync((c, t) => EnsureUserAsync(c, t, userId, ct), ct);

    public Task RemoveUserAsync(Guid userId, Func<IReadOnlyCollection<Guid>, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct) =>
        database.WriteAsync<IReadOnlyCollection<Guid>>(async (c, t) =>
        {
            await using var connected = c.Command("""
                WITH me AS (SELECT seq FROM users WHERE id = $id)
                SELECT u.id FROM users u WHERE u.seq IN (
                    SELECT followee FROM follows WHERE follower = (SELECT seq FROM me)
                    UNION SELECT follower FROM follows WHERE followee = (SELECT seq FROM me)
                    UNION SELECT blocked FROM blocks WHERE blocker = (SELECT seq FROM me)
                    UNION SELECT blocker FROM blocks WHERE blocked = (SELECT seq FROM me))
                """, t).With("$id", userId);
            var others = await connected.ListAsync(r => r.GetId(0), ct);

            // The row stays, marked deleted, so a late UserRegistered or membership cannot revive the user.
            await ExecuteAsync(c, t, """
                INSERT INTO users (id, deleted) VALUES ($id, 1) ON CONFLICT (id) DO UPDATE SET deleted = 1;
                DELETE FROM follows WHERE follower = (SELECT seq FROM users WHERE id = $id) OR followee = (SELECT seq FROM users WHERE id = $id);
                DELETE FROM blocks WHERE blocker = (SELECT seq FROM users WHERE id = $id) OR blocked = (SELECT seq FROM users WHERE id = $id);
                DELETE FROM memberships WHERE user_seq = (SELECT seq FROM users WHERE id = $id);
                """, ct, ("$id", userId));
            return others;
        }, announce, ct);

    public Task<bool> UserExistsAsync(Guid userId, CancellationToken ct) =>
        database.ReadAsync(async c => await LiveUserAsync(c, null, userId, ct) is not null, ct);

    public Task<bool> ApplyMembershipAsync(Guid groupId, Guid userId, long version, bool isMember, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            if (await EnsureGroupAsync(c, t, groupId, ct) is not { } group || await EnsureUserAsync(c, t, userId, ct) is not { } user)
            {
                return false;
            }

            // Applied only over an older version: a redelivered or late event changes nothing.
            return await ExecuteAsync(c, t, """
                INSERT INTO memberships (group_seq, user_seq, version, is_member) VALUES ($g, $u, $v, $m)
                ON CONFLICT (group_seq, user_seq) DO UPDATE SET version = excluded.version, is_member = excluded.is_member
                WHERE excluded.version > memberships.version
                """, ct, ("$g", group), ("$u", user), ("$v", version), ("$m", isMember)) == 1;
        }, ct);

    public Task RemoveGroupAsync(Guid groupId, CancellationToken ct) =>
        database.WriteAsync((c, t) => ExecuteAsync(c, t, """
            INSERT INTO groups (id, deleted) VALUES ($id, 1) ON CONFLICT (id) DO UPDATE SET deleted = 1;
            DELETE FROM memberships WHERE group_seq = (SELECT seq FROM groups WHERE id = $id);
            """, ct, ("$id", groupId)), ct);

    public Task<bool> IsMemberAsync(Guid groupId, Guid userId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command("""
                SELECT 1 FROM memberships m
                JOIN groups g ON g.seq = m.group_seq AND g.deleted = 0
                JOIN users u ON u.seq = m.user_seq AND u.deleted = 0
                WHERE g.id = $g AND u.id = $u AND m.is_member = 1
                """).With("$g", groupId).With("$u", userId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);

    public Task<FollowOutcome> FollowAsync(
        Guid followerId, Guid followeeId, DateTimeOffset at, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            if (await LiveUserAsync(c, t, followeeId, ct) is not { } followee || await EnsureUserAsync(c, t, followerId, ct) is not { } follower)
            {
                return FollowOutcome.UnknownUser;
            }

            if (await BlockedEitherWayAsync(c, t, follower, followee, ct))
            {
                return FollowOutcome.Blocked;
            }

            var added = await ExecuteAsync(c, t, "INSERT INTO follows (follower, followee, since) VALUES ($a, $b, $at) ON CONFLICT DO NOTHING",
                ct, ("$a", follower), ("$b", followee), ("$at", at));
            return added == 1 ? FollowOutcome.Followed : FollowOutcome.AlreadyFollowing;
        }, outcome => outcome == FollowOutcome.Followed ? announce : [], ct);

    public async Task<bool> UnfollowAsync(Guid followerId, Guid followeeId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        await database.WriteAsync(async (c, t) =>
            await ExecuteAsync(c, t, """
                DELETE FROM follows
                WHERE follower = (SELECT seq FROM users WHERE id = $a) AND followee = (SELECT seq FROM users WHERE id = $b)
                """, ct, ("$a", followerId), ("$b", followeeId)) == 1,
            removed => removed ? announce : [], ct);

    public Task<BlockOutcome> BlockAsync(
        Guid blockerId, Guid blockedId, DateTimeOffset at, Func<BlockOutcome, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            if (await LiveUserAsync(c, t, blockedId, ct) is not { } blocked || await EnsureUserAsync(c, t, blockerId, ct) is not { } blocker)
            {
                return BlockOutcome.Unknown;
            }

            var created = await ExecuteAsync(c, t, "INSERT INTO blocks (blocker, blocked, since) VALUES ($a, $b, $at) ON CONFLICT DO NOTHING",
                ct, ("$a", blocker), ("$b", blocked), ("$at", at)) == 1;
            var endedBlockers = await ExecuteAsync(c, t, "DELETE FROM follows WHERE follower = $a AND followee = $b", ct, ("$a", blocker), ("$b", blocked)) == 1;
            var endedBlockeds = await ExecuteAsync(c, t, "DELETE FROM follows WHERE follower = $b AND followee = $a", ct, ("$a", blocker), ("$b", blocked)) == 1;
            return new BlockOutcome(false, created, endedBlockers, endedBlockeds);
        }, announce, ct);

    public async Task<bool> UnblockAsync(Guid blockerId, Guid blockedId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct) =>
        await database.WriteAsync(async (c, t) =>
            await ExecuteAsync(c, t, """
                DELETE FROM blocks
                WHERE blocker = (SELECT seq FROM users WHERE id = $a) AND blocked = (SELECT seq FROM users WHERE id = $b)
                """, ct, ("$a", blockerId), ("$b", blockedId)) == 1,
            removed => removed ? announce : [], ct);

    public Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command("""
                WITH a AS (SELECT seq FROM users WHERE id = $a), b AS (SELECT seq FROM users WHERE id = $b)
                SELECT 1 FROM blocks
                WHERE (blocker = (SELECT seq FROM a) AND blocked = (SELECT seq FROM b))
                   OR (blocker = (SELECT seq FROM b) AND blocked = (SELECT seq FROM a))
                LIMIT 1
                """).With("$a", oneUserId).With("$b", otherUserId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);
}
