namespace Tripmate.SocialGraph.Store;

// Where a page ends, in each list's own sort key; endpoints turn them into opaque cursors bound to
// their list (and, through a scope, to the user whose list it is).

/// <summary>A follower, following, friend or block list: newest first, then by id (descending).</summary>
public sealed record ConnectionPosition(long SinceMs, Guid UserId);

/// <summary>Mutual friends, by id.</summary>
public sealed record MutualPosition(Guid UserId);

/// <summary>People suggested: most mutual connections first, then most shared groups, then by id.</summary>
public sealed record SuggestionPosition(long MutualConnections, long SharedGroups, Guid UserId);

/// <summary>Groups suggested: most friends first, then by id.</summary>
public sealed record GroupSuggestionPosition(long Friends, Guid GroupId);
