using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>Someone in a list, and since when (the follow, the friendship, the block).</summary>
public sealed record ConnectionResponse(Guid UserId, DateTimeOffset Since)
{
    public static ConnectionResponse From(Connection connection) => new(connection.UserId, connection.Since);
}

public sealed record StatsResponse(long Followers, long Following, long Friends)
{
    public static StatsResponse From(RelationshipCounts counts) => new(counts.Followers, counts.Following, counts.Friends);
}

public sealed record MutualFriendResponse(Guid UserId);

/// <param name="MutualConnections">People the caller follows who follow this person.</param>
/// <param name="SharedGroups">Groups both are members of.</param>
public sealed record SuggestionResponse(Guid UserId, long MutualConnections, long SharedGroups)
{
    public static SuggestionResponse From(Suggestion suggestion) => new(suggestion.UserId, suggestion.MutualConnections, suggestion.SharedGroups);
}

/// <param name="Friends">How many of the caller's friends are members.</param>
public sealed record GroupSuggestionResponse(Guid GroupId, long Friends)
{
    public static GroupSuggestionResponse From(GroupSuggestion suggestion) => new(suggestion.GroupId, suggestion.Friends);
}

/// <param name="UserIds">From the first user to the second, each following the next.</param>
/// <param name="Length">The number of follows on the path.</param>
public sealed record PathResponse(IReadOnlyList<Guid> UserIds, int Length);
