namespace Tripmate.Messaging.Store;

/// <summary>
/// Who blocks whom, as social-graph's UserBlocked and UserUnblocked tell: a projection that keeps,
/// per pair, the latest change by its time in social-graph (<c>OccurredAt</c>), so a late or
/// redelivered event changes nothing.
/// </summary>
public interface IBlockDirectory
{
    Task ApplyAsync(Guid blockerId, Guid blockedId, bool isBlocked, DateTimeOffset changedAt, CancellationToken ct);

    Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct);
}
