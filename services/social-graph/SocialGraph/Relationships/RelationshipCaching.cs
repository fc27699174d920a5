namespace Tripmate.SocialGraph.Relationships;

/// <summary>
/// How the gateway may cache social-graph's answers: per caller (<c>private</c>, since what a
/// caller may see depends on their blocks), briefly, under one tag per user whose relationships the
/// answer shows. A follow, unfollow or block evicts both users' tags at once; the max-age bounds
/// what changes without one (a user deleted at identity disappearing from other users' lists).
/// </summary>
public static class RelationshipCaching
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    /// <summary>The user's followers, following, friends, counts, blocks, and mutual friends with anyone.</summary>
    public static string Relationships(Guid userId) => $"relationships:{userId}";
}
