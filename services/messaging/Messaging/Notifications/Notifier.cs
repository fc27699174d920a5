using MassTransit;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>The one way a notification is made: stored for the user, then pushed to their live streams on any instance.</summary>
public sealed class Notifier(INotificationStore notifications, IPublishEndpoint publisher)
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        await notifications.AddAsync(notification, cancellationToken);

        // Announced even when it was stored before: a consumer retried after failing between these
        // two steps would otherwise never push it live. Streams drop ids they have already sent.
        var created = NotificationCreated.From(notification);
        await publisher.Publish(created, context => context.MessageId = created.EventId, cancellationToken);
    }
}
