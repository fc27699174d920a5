namespace Tripmate.SocialGraph.Store;

/// <summary>Someone in a follower, following, friend or block list, and since when.</summary>
public sealed record Connection(Guid UserId, DateTimeOffset Since);

public sealed record RelationshipCounts(long Followers, long Following, long Friends);

/// <param name="MutualConnections">Distinct people the caller follows who follow this person.</param>
/// <param name="SharedGroups">Groups both are members of.</param>
public sealed record Suggestion(Guid UserId, long MutualConnections, long SharedGroups);

/// <param name="Friends">The caller's friends who are members.</param>
public sealed record GroupSuggestion(Guid GroupId, long Friends);

public enum FollowOutcome
{
    Followed,
    AlreadyFollowing,

    /// <summary>The followee is not a registered user (never was, or deleted); or the follower's account was deleted.</summary>
    UnknownUser,

    /// <summary>One of the two blocks the other.</summary>
    Blocked,
}

/// <summary>What a block changed: whether it is new, and which follows it ended.</summary>
public sealed record BlockOutcome(bool UnknownUser, bool Created, bool EndedBlockersFollow, bool EndedBlockedsFollow)
{
    public static readonly BlockOutcome Unknown = new(true, false, false, false);
}
