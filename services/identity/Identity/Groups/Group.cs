namespace Tripmate.Identity.Groups;

public sealed class Group
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public string? Description { get; set; }

    public Guid OwnerId { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The version of the group's latest change (see <see cref="GroupVersions"/>); 1 at creation.</summary>
    public long Version { get; private set; } = 1;

    public List<GroupMember> Members { get; init; } = [];
}
