using Tripmate.Messaging.Store;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Store;

public abstract partial class MessagingStoreContract
{
    private static Notification NewNotification(Guid userId, DateTimeOffset at, string text = "Bob wrote to you") =>
        new(userId, TimeUuid.NewId(at), "message", text, new Dictionary<string, string> { ["conversationId"] = Guid.NewGuid().ToString() }, at);

    private async Task<List<Notification>> AddNotificationsAsync(Guid userId, int count)
    {
        var added = new List<Notification>();
        for (var i = 0; i < count; i++)
        {
            var notification = NewNotification(userId, T0.AddSeconds(i), $"number {i}");
            Assert.True(await Notifications.AddAsync(notification, [], Ct));
            added.Add(notification);
        }
        return added;
    }

    [SkippableFact]
    public async Task A_notification_is_stored_once_however_often_it_is_added()
    {
        await StartAsync();
        var user = Guid.NewGuid();
        var notification = NewNotification(user, T0);

        Assert.True(await Notifications.AddAsync(notification, [], Ct));
        Assert.True(await Notifications.MarkReadAsync(user, notification.Id, Ct));
        Assert.False(await Notifications.AddAsync(notification with { Text = "redelivered" }, [], Ct));

        var stored = Assert.Single((await Notifications.ListAsync(user, false, null, 10, Ct)).Items);
        Assert.Equal(notification with { IsRead = true }, stored with { Data = notification.Data });
        Assert.Equal(notification.Data, stored.Data);
    }

    [SkippableFact]
    public async Task Notifications_list_newest_first_in_pages()
    {
        await StartAsync();
        var user = Guid.NewGuid();
        var added = await AddNotificationsAsync(user, 5);
        await AddNotificationsAsync(Guid.NewGuid(), 2);

        var first = await Notifications.ListAsync(user, false, null, 3, Ct);
        var second = await Notifications.ListAsync(user, false, first.Next, 3, Ct);

        Assert.Equal(added.Select(n => n.Id).Reverse(), first.Items.Concat(second.Items).Select(n => n.Id));
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
    }

    [SkippableFact]
    public async Task Unread_notifications_are_listed_counted_and_marked_read()
    {
        await StartAsync();
        var user = Guid.NewGuid();
        var added = await AddNotificationsAsync(user, 4);

        Assert.True(await Notifications.MarkReadAsync(user, added[1].Id, Ct));
        Assert.False(await Notifications.MarkReadAsync(user, TimeUuid.NewId(T0), Ct));
        Assert.False(await Notifications.MarkReadAsync(Guid.NewGuid(), added[2].Id, Ct));

        Assert.Equal(3, await Notifications.CountUnreadAsync(user, Ct));
        var unread = await Notifications.ListAsync(user, true, null, 2, Ct);
        Assert.Equal([added[3].Id, added[2].Id], unread.Items.Select(n => n.Id));
        var rest = await Notifications.ListAsync(user, true, unread.Next, 2, Ct);
        Assert.Equal([added[0].Id], rest.Items.Select(n => n.Id));
        Assert.True((await Notifications.ListAsync(user, false, null, 10, Ct)).Items.Single(n => n.Id == added[1].Id).IsRead);

        await Notifications.MarkAllReadAsync(user, Ct);
        Assert.Equal(0, await Notifications.CountUnreadAsync(user, Ct));
        Assert.Empty((await Notifications.ListAsync(user, true, null, 10, Ct)).Items);
        Assert.Equal(4, (await Notifications.ListAsync(user, false, null, 10, Ct)).Items.Count);
    }

    [SkippableFact]
    public async Task Notifications_after_one_are_listed_oldest_first_for_a_stream_resume()
    {
        await StartAsync();
        var user = Guid.NewGuid();
        var added = await AddNotificationsAsync(user, 5);

        var missed = await Notifications.ListAfterAsync(user, added[1].Id, 2, Ct);

        Assert.Equal([added[2].Id, added[3].Id], missed.Select(n => n.Id));
        Assert.Empty(await Notifications.ListAfterAsync(user, added[4].Id, 10, Ct));
    }

    [SkippableFact]
    public async Task Expired_notifications_are_neither_listed_nor_counted()
    {
        var options = DefaultOptions();
        options.NotificationTtl = TimeSpan.FromSeconds(5);
        await StartAsync(options);
        var user = Guid.NewGuid();
        var notification = NewNotification(user, T0);
        await Notifications.AddAsync(notification, [], Ct);
        Assert.Equal(1, await Notifications.CountUnreadAsync(user, Ct));

        LetTimePass(TimeSpan.FromSeconds(6));

        await Eventually.WaitForAsync(() => Notifications.CountUnreadAsync(user, Ct), count => count == 0, TimeSpan.FromSeconds(30), "the notification to expire");
        Assert.Empty((await Notifications.ListAsync(user, false, null, 10, Ct)).Items);
        Assert.Empty(await Notifications.ListAfterAsync(user, TimeUuid.Min(T0.AddDays(-1)), 10, Ct));
        Assert.False(await Notifications.MarkReadAsync(user, notification.Id, Ct));
    }

    [SkippableFact]
    public async Task Removing_a_user_removes_their_notifications_only()
    {
        await StartAsync();
        var (removed, kept) = (Guid.NewGuid(), Guid.NewGuid());
        await AddNotificationsAsync(removed, 2);
        await AddNotificationsAsync(kept, 1);

        await Notifications.RemoveUserAsync(removed, Ct);

        Assert.Empty((await Notifications.ListAsync(removed, false, null, 10, Ct)).Items);
        Assert.Equal(0, await Notifications.CountUnreadAsync(removed, Ct));
        Assert.Equal(1, await Notifications.CountUnreadAsync(kept, Ct));
    }
}
