namespace Tripmate.Messaging.Store;

/// <summary>Notifications per user, newest first, kept for a limited time (a TTL).</summary>
public interface INotificationStore
{
    /// <summary>Stores the notification unless one with the same user and id exists; true when it is new.</summary>
    Task<bool> AddAsync(Notification notification, CancellationToken ct);

    Task<NotificationPage> ListAsync(Guid userId, bool unreadOnly, Guid? before, int limit, CancellationToken ct);

    /// <summary>Notifications newer than <paramref name="after"/>, oldest first: what a reconnecting stream missed.</summary>
    Task<IReadOnlyList<Notification>> ListAfterAsync(Guid userId, Guid after, int limit, CancellationToken ct);

    Task<long> CountUnreadAsync(Guid userId, CancellationToken ct);

    /// <summary>False when the user has no such notification.</summary>
    Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct);

    Task MarkAllReadAsync(Guid userId, CancellationToken ct);

    Task RemoveUserAsync(Guid userId, CancellationToken ct);
}
