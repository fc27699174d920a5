using Tripmate.Contracts;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store;

/// <summary>Notifications per user, newest first, kept for a limited time (a TTL).</summary>
public interface INotificationStore
{
    /// <summary>
    /// Stores the notification with its <paramref name="events"/> unless one with the same user and
    /// id exists (then nothing is recorded); true when it is new.
    /// </summary>
    Task<bool> AddAsync(Notification notification, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct);

    Task<Slice<Notification, NotificationPosition>> ListAsync(Guid userId, bool unreadOnly, NotificationPosition? after, int limit, CancellationToken ct);

    /// <summary>Notifications newer than <paramref name="after"/>, oldest first: what a reconnecting stream missed.</summary>
    Task<IReadOnlyList<Notification>> ListAfterAsync(Guid userId, Guid after, int limit, CancellationToken ct);

    Task<long> CountUnreadAsync(Guid userId, CancellationToken ct);

    /// <summary>False when the user has no such notification.</summary>
    Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct);

    Task MarkAllReadAsync(Guid userId, CancellationToken ct);

    Task RemoveUserAsync(Guid userId, CancellationToken ct);
}
