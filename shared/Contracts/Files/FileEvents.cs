namespace Tripmate.Contracts.Files;

/// <summary>A file was stored and is readable by its owner.</summary>
public sealed record FileUploaded(Guid FileId, Guid OwnerId, string Name, long Size, string ContentType, string Sha256) : IntegrationEvent;

/// <summary>
/// The owner shared a file with one user (<see cref="UserId"/>) or with every current member of a
/// group (<see cref="GroupId"/>); exactly one of the two is set. Messaging notifies them.
/// </summary>
public sealed record FileShared(Guid FileId, Guid OwnerId, string Name, Guid? UserId, Guid? GroupId) : IntegrationEvent;

/// <summary>The file, its bytes and its shares are gone (its owner deleted it, or the owner's account).</summary>
public sealed record FileDeleted(Guid FileId, Guid OwnerId) : IntegrationEvent;
