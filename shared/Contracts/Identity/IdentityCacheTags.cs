namespace Tripmate.Contracts.Identity;

/// <summary>
/// The cache tags identity writes on its answers and invalidates on its changes. Part of the
/// contract: another service tags its own answers with them (messaging tags a group's conversation
/// with its group's tags) so that identity's invalidations reach those answers too.
/// </summary>
public static class IdentityCacheTags
{
    /// <summary>A user's public profile, and every answer that shows it (e.g. a member list).</summary>
    public static string User(Guid userId) => $"user:{userId}";

    /// <summary>A group's details, and everything only its members may see.</summary>
    public static string Group(Guid groupId) => $"group:{groupId}";

    /// <summary>Who is in a group (and with which role).</summary>
    public static string GroupMembers(Guid groupId) => $"group:{groupId}:members";
}
