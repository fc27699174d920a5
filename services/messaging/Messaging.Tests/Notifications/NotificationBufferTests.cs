using Tripmate.Messaging.Notifications;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Notifications;

/// <summary>A stream's buffer is bounded: a client that stops reading cannot make an instance hoard notifications.</summary>
public sealed class NotificationBufferTests
{
    [Fact]
    public async Task A_full_buffer_ends_the_subscription_after_what_it_holds()
    {
        var hub = new NotificationHub();
        var userId = Guid.NewGuid();
        var subscription = hub.TrySubscribe(userId, capacity: 2, maxPerUser: 1)!;

        var sent = Enumerable.Range(0, 3).Select(i => NewNotification(userId, $"n{i}")).ToList();
        sent.ForEach(hub.Deliver);

        Assert.True(subscription.Overflowed);
        var held = new List<string>();
        await foreach (var notification in subscription.Reader.ReadAllAsync())
        {
            held.Add(notification.Text);
        }

        Assert.Equal(["n0", "n1"], held);
    }

    [Fact]
    public void Notifications_reach_only_their_users_open_streams()
    {
        var hub = new NotificationHub();
        var (ada, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var adaOnPhone = hub.TrySubscribe(ada, capacity: 8, maxPerUser: 2)!;
        var adaOnLaptop = hub.TrySubscribe(ada, capacity: 8, maxPerUser: 2)!;
        var bobs = hub.TrySubscribe(bob, capacity: 8, maxPerUser: 2)!;
        Assert.Null(hub.TrySubscribe(ada, capacity: 8, maxPerUser: 2));
        hub.Unsubscribe(adaOnLaptop);

        hub.Deliver(NewNotification(ada, "for ada"));

        Assert.Equal((1, 0, 0), (adaOnPhone.Reader.Count, adaOnLaptop.Reader.Count, bobs.Reader.Count));
        Assert.Equal(2, hub.Count);
        hub.Unsubscribe(adaOnPhone);
        hub.Unsubscribe(bobs);
        Assert.Equal(0, hub.Count);
    }

    private static Notification NewNotification(Guid userId, string text) =>
        new(userId, TimeUuid.NewId(DateTimeOffset.UtcNow), "test", text, new Dictionary<string, string>(), DateTimeOffset.UtcNow);
}
