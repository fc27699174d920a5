namespace Tripmate.Identity.Groups;

/// <summary>The <c>Groups</c> section.</summary>
public sealed class GroupOptions
{
    public const string Section = "Groups";

    /// <summary>
    /// The most members a group may have, owner included. Bounded because every group message is
    /// fanned out to each member's inbox and notifications: the cost of one send grows with it.
    /// </summary>
    public int MaxMembers { get; set; } = 500;
}
