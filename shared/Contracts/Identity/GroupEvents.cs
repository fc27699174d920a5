namespace Tripmate.Contracts.Identity;

public sealed record GroupCreated(Guid GroupId, string Name, string? Description, Guid OwnerId) : IntegrationEvent;

public sealed record GroupUpdated(Guid GroupId, string Name, string? Description) : IntegrationEvent;

public sealed record GroupDeleted(Guid GroupId) : IntegrationEvent;

/// <param name="Role">One of <c>owner</c>, <c>admin</c>, <c>member</c>.</param>
public sealed record GroupMemberAdded(Guid GroupId, Guid UserId, string Role) : IntegrationEvent;

public sealed record GroupMemberRemoved(Guid GroupId, Guid UserId) : IntegrationEvent;
