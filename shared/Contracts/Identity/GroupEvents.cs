using MassTransit;

namespace Tripmate.Contracts.Identity;

/// <summary>
/// A change of one group. <see cref="Version"/> orders the group's changes: 1 at creation, then one
/// more per change, in the order they were committed. Queues do not keep that order (and
/// redeliveries come late), so a consumer keeping group state applies an event only when its
/// version is newer than what it stored; a removal leaves a tombstone with its version, so a late
/// add can never bring a removed member back.
/// </summary>
[ExcludeFromTopology]
public abstract record GroupEvent(Guid GroupId) : IntegrationEvent
{
    public long Version { get; init; }
}

public sealed record GroupCreated(Guid GroupId, string Name, string? Description, Guid OwnerId) : GroupEvent(GroupId);

public sealed record GroupUpdated(Guid GroupId, string Name, string? Description) : GroupEvent(GroupId);

public sealed record GroupDeleted(Guid GroupId) : GroupEvent(GroupId);

/// <param name="Role">One of <c>owner</c>, <c>admin</c>, <c>member</c>.</param>
public sealed record GroupMemberAdded(Guid GroupId, Guid UserId, string Role) : GroupEvent(GroupId);

public sealed record GroupMemberRemoved(Guid GroupId, Guid UserId) : GroupEvent(GroupId);
