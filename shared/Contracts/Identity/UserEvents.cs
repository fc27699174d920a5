namespace Tripmate.Contracts.Identity;

public sealed record UserRegistered(Guid UserId, string DisplayName, DateTimeOffset CreatedAt) : IntegrationEvent;

public sealed record UserProfileUpdated(Guid UserId, string DisplayName, string? Bio) : IntegrationEvent;

/// <summary>Other services purge everything they keep about this user when they receive it.</summary>
public sealed record UserDeleted(Guid UserId) : IntegrationEvent;
