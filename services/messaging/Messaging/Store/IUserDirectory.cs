namespace Tripmate.Messaging.Store;

/// <summary>
/// Who exists, as far as messaging knows: a projection of identity's UserRegistered and UserDeleted.
/// The two facts are kept apart and a deletion is final, so the events may arrive in any order or
/// twice and the answer is the same (a late UserRegistered cannot bring a deleted user back).
/// </summary>
public interface IUserDirectory
{
    Task MarkRegisteredAsync(Guid userId, CancellationToken ct);

    Task MarkDeletedAsync(Guid userId, CancellationToken ct);

    /// <summary>Registered and not deleted.</summary>
    Task<bool> ExistsAsync(Guid userId, CancellationToken ct);
}
