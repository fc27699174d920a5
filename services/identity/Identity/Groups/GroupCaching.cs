using Tripmate.Contracts.Identity;

namespace Tripmate.Identity.Groups;

/// <summary>How long the gateway may keep a member's view of a group, and the tags membership changes invalidate.</summary>
internal static class GroupCaching
{
    /// <summary>Every change is invalidated at once; this only bounds a change whose invalidation was lost.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A membership change touches the member list and, for the member who joined or left, the
    /// group's details (visible to members only) and everything other services show members only
    /// (messaging tags a group's conversation with both).
    /// </summary>
    public static string[] MembershipTags(Guid groupId) => [IdentityCacheTags.Group(groupId), IdentityCacheTags.GroupMembers(groupId)];
}
