namespace Tripmate.Identity.Groups;

public sealed class GroupMember
{
    public Guid GroupId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>One of <see cref="GroupRoles"/>.</summary>
    public required string Role { get; set; }

    public DateTimeOffset JoinedAt { get; init; } = DateTimeOffset.UtcNow;
}

public static class GroupRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";

    /// <summary>Roles that may add and remove members.</summary>
    public static bool CanManageMembers(string role) => role is Owner or Admin;
}
