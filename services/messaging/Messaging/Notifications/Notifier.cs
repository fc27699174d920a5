using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// The one way a notification is made: stored for the user together with the
/// <see cref="NotificationCreated"/> that pushes it to their live streams on every instance.
/// </summary>
public sealed class Notifier(INotificationStore notifications)
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) =>
        notifications.AddAsync(notification, [NotificationCreated.From(notification)], cancellationToken);
}
