using System.Collections.Concurrent;
using System.Collections.Immutable;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>The live streams connected to this instance, by user.</summary>
public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<Guid, ImmutableArray<NotificationSubscription>> _byUser = new();

    /// <summary>Null when the user already has <paramref name="maxPerUser"/> streams open here.</summary>
    public NotificationSubscription? TrySubscribe(Guid userId, int capacity, int maxPerUser)
    {
        var subscription = new NotificationSubscription(userId, capacity);
        while (true)
        {
            if (!_byUser.TryGetValue(userId, out var existing))
            {
                if (_byUser.TryAdd(userId, [subscription]))
                {
                    return subscription;
                }
            }
            else if (existing.Length >= maxPerUser)
            {
                return null;
            }
            else if (_byUser.TryUpdate(userId, existing.Add(subscription), existing))
            {
                return subscription;
            }
        }
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
