using Tripmate.Contracts;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.SocialGraph.Store;

/// <summary>
/// Who follows and blocks whom, who is in which group, and the questions asked of that graph.
/// Writes that announce something take the events to commit with the change (the store's outbox):
/// they are written only when the change happened, in the same transaction.
/// </summary>
public interface IGraphStore
{
    /// <summary>A registered user (idempotent); a user once deleted stays deleted, whatever arrives later.</summary>
    Task AddUserAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Removes the user with every follow, block and membership, for good; <paramref name="announce"/>
    /// is given the users whose lists lost them, and names the events to commit with the removal.
    /// </summary>
    Task RemoveUserAsync(Guid userId, Func<IReadOnlyCollection<Guid>, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct);

    Task RemoveUserAsync(Guid userId, CancellationToken ct) => RemoveUserAsync(userId, _ => [], ct);

    Task<bool> UserExistsAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Membership as of the group's <paramref name="version"/>, unless a change at least as new is
    /// stored (then false). A removal is kept as a tombstone, so a late add cannot undo it.
    /// </summary>
    Task<bool> ApplyMembershipAsync(Guid groupId, Guid userId, long version, bool isMember, CancellationToken ct);

    /// <summary>The group is gone: no member of it counts any more, whatever version arrives later.</summary>
    Task RemoveGroupAsync(Guid groupId, CancellationToken ct);

    Task<bool> IsMemberAsync(Guid groupId, Guid userId, CancellationToken ct);

    /// <summary>
    /// Makes <paramref name="followerId"/> follow <paramref name="followeeId"/>. The follower is added
    /// if this is their first action (their token proves they registered) unless they were deleted.
    /// </summary>
    Task<FollowOutcome> FollowAsync(Guid followerId, Guid followeeId, DateTimeOffset at, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct);

    /// <summary>False when there was no such follow.</summary>
    Task<bool> UnfollowAsync(Guid followerId, Guid followeeId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct);

    /// <summary>Blocks and ends the follows between the two, both ways; <paramref name="announce"/> names the events for what it changed.</summary>
    Task<BlockOutcome> BlockAsync(Guid blockerId, Guid blockedId, DateTimeOffset at, Func<BlockOutcome, IReadOnlyCollection<IntegrationEvent>> announce, CancellationToken ct);

    Task<bool> UnblockAsync(Guid blockerId, Guid blockedId, IReadOnlyCollection<IntegrationEvent> announce, CancellationToken ct);

    /// <summary>Whether either of the two blocks the other.</summary>
    Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct);

    Task<Slice<Connection, ConnectionPosition>> FollowersAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct);

    Task<Slice<Connection, ConnectionPosition>> FollowingAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct);

    /// <summary>Mutual follows, newest friendship (the later of the two follows) first.</summary>
    Task<Slice<Connection, ConnectionPosition>> FriendsAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct);

    /// <summary>Whom the user blocks, newest first.</summary>
    Task<Slice<Connection, ConnectionPosition>> BlocksAsync(Guid userId, ConnectionPosition? after, int limit, CancellationToken ct);

    Task<RelationshipCounts> CountsAsync(Guid userId, CancellationToken ct);

    /// <summary>Friends of both users, by id.</summary>
    Task<Slice<Guid, MutualPosition>> MutualFriendsAsync(Guid userId, Guid otherUserId, MutualPosition? after, int limit, CancellationToken ct);

    /// <summary>
    /// People followed by people the user follows, whom the user does not follow, ranked by distinct
    /// mutual connections, then shared groups, then id; never the user or anyone blocked either way.
    /// </summary>
    Task<Slice<Suggestion, SuggestionPosition>> SuggestionsAsync(Guid userId, SuggestionPosition? after, int limit, CancellationToken ct);

    /// <summary>Groups the user's friends are in and the user is not, by how many friends are in each, then id.</summary>
    Task<Slice<GroupSuggestion, GroupSuggestionPosition>> GroupSuggestionsAsync(Guid userId, GroupSuggestionPosition? after, int limit, CancellationToken ct);

    /// <summary>
    /// A shortest chain of follows from <paramref name="fromUserId"/> to <paramref name="toUserId"/>
    /// of at most <paramref name="maxDepth"/> follows, as user ids from one to the other, avoiding
    /// anyone in a block with <paramref name="viewerId"/>; null when there is none.
    /// </summary>
    Task<IReadOnlyList<Guid>?> ShortestPathAsync(Guid viewerId, Guid fromUserId, Guid toUserId, int maxDepth, CancellationToken ct);
}
