using System.Collections.Concurrent;
using System.Collections.Immutable;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>The live streams connected to this instance, by user.</summary>
public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<Guid, ImmutableArray<NotificationSubscription>> _byUser = new();

    public NotificationSubscription Subscribe(Guid userId, int capacity)
    {
        var subscription = new NotificationSubscription(userId, capacity);
        _byUser.AddOrUpdate(userId, [subscription], (_, existing) => existing.Add(subscription));
        return subscription;
    }

    public void Unsubscribe(NotificationSubscription subscription)
    {
        while (_byUser.TryGetValue(subscription.UserId, out var existing))
        {
            var remaining = existing.Remove(subscription);
            var done = remaining.IsEmpty
                ? _byUser.TryRemove(KeyValuePair.Create(subscription.UserId, existing))
                : _byUser.TryUpdate(subscription.UserId, remaining, existing);
            if (done)
            {
                return;
            }
        }
    }

    public void Deliver(Notification notification)
    {
        if (_byUser.TryGetValue(notification.UserId, out var subscriptions))
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Offer(notification);
            }
        }
    }

    /// <summary>Streams open on this instance (for tests and diagnostics).</summary>
    public int Count => _byUser.Values.Sum(subscriptions => subscriptions.Length);
}
