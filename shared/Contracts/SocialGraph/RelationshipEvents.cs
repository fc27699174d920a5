namespace Tripmate.Contracts.SocialGraph;

// Changes of who follows and who blocks whom, published by social-graph through its outbox with
// the change. OccurredAt is the time of the change in social-graph's store, in commit order for
// one pair of users: a consumer keeping a pair's state applies an event only when it is newer
// than the one it applied (a late or redelivered event then changes nothing).

/// <summary><paramref name="FollowerId"/> now follows <paramref name="FolloweeId"/> (a repeated follow publishes nothing).</summary>
public sealed record UserFollowed(Guid FollowerId, Guid FolloweeId) : IntegrationEvent;

public sealed record UserUnfollowed(Guid FollowerId, Guid FolloweeId) : IntegrationEvent;

/// <summary>A block also ends both users' follows of each other; those endings are announced as <see cref="UserUnfollowed"/> too.</summary>
public sealed record UserBlocked(Guid BlockerId, Guid BlockedId) : IntegrationEvent;

public sealed record UserUnblocked(Guid BlockerId, Guid BlockedId) : IntegrationEvent;
