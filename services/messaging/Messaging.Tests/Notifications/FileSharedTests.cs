using Tripmate.Contracts.Files;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Notifications;

/// <summary>The files service's FileShared, from the real RabbitMQ: the person, or the group's members, are told once.</summary>
public sealed class FileSharedTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    [Fact]
    public async Task A_file_shared_with_a_person_notifies_them_once_even_when_redelivered()
    {
        var (owner, friend) = (app.NewUser(), app.NewUser());
        var fileId = Guid.CreateVersion7();
        var shared = new FileShared(fileId, owner.Id, "tickets.pdf", friend.Id, null);

        await events.PublishAsync(shared);
        await events.PublishAsync(shared);

        var notified = await friend.WaitForNotificationsAsync(items => items.Any(n => n.Type == "file-shared"), "the share's notification");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would arrive right behind
        var notification = Assert.Single((await friend.NotificationsAsync()).Items, n => n.Type == "file-shared");
        Assert.Equal((fileId.ToString(), owner.Id.ToString()), (notification.Data["fileId"], notification.Data["ownerId"]));
        Assert.Contains("tickets.pdf", notification.Text);
        Assert.DoesNotContain((await owner.NotificationsAsync()).Items, n => n.Type == "file-shared");
    }

    [Fact]
    public async Task A_file_shared_with_a_group_notifies_every_member_but_the_owner()
    {
        var (owner, first, second) = (app.NewUser(), app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, first, second);

        await events.PublishAsync(new FileShared(Guid.CreateVersion7(), owner.Id, "route.gpx.txt", null, groupId));

        foreach (var member in new[] { first, second })
        {
            var notified = await member.WaitForNotificationsAsync(items => items.Any(n => n.Type == "file-shared"), "the group share's notification");
            Assert.Equal(groupId.ToString(), notified.Items.Single(n => n.Type == "file-shared").Data["groupId"]);
        }

        var marker = await first.SendAsync(groupId, "marker");
        await owner.WaitForNotificationsAsync(items => items.Any(n => n.Data.GetValueOrDefault("messageId") == marker.Id.ToString()), "the marker");
        Assert.DoesNotContain((await owner.NotificationsAsync()).Items, n => n.Type == "file-shared");
    }
}
