using Tripmate.Contracts;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// A notification was stored. Messaging's own event, not a contract for other services: every
/// messaging instance receives it on a queue of its own and pushes it to the streams connected there.
/// </summary>
public sealed record NotificationCreated(
    Guid UserId, Guid NotificationId, string Type, string Text, IReadOnlyDictionary<string, string> Data, DateTimeOffset CreatedAt)
    : IntegrationEvent
{
    public static NotificationCreated From(Notification notification) =>
        new(notification.UserId, notification.Id, notification.Type, notification.Text, notification.Data, notification.CreatedAt)
        {
            EventId = notification.Id,
            OccurredAt = notification.CreatedAt,
        };

    public Notification ToNotification() => new(UserId, NotificationId, Type, Text, Data, CreatedAt);
}
