using System.Net;
using System.Net.Http.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Notifications;

public sealed class NotificationsApiTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    /// <summary>Bob with <paramref name="count"/> message notifications from Ada, newest first.</summary>
    private async Task<(TestUser Ada, TestUser Bob, List<NotificationDto> Notifications)> NotifiedAsync(int count)
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        for (var i = 0; i < count; i++)
        {
            await ada.SendAsync(conversation.Id, $"note {i}");
        }

        var page = await bob.WaitForNotificationsAsync(items => items.Count == count, $"{count} notifications");
        return (ada, bob, page.Items);
    }

    [Fact]
    public async Task A_message_notifies_the_other_member_newest_first_with_what_to_open()
    {
        var (ada, bob, notifications) = await NotifiedAsync(3);

        Assert.Equal(["note 2", "note 1", "note 0"], notifications.Select(n => n.Text));
        Assert.All(notifications, n => Assert.Equal(("message", false, ada.Id.ToString()), (n.Type, n.IsRead, n.Data["senderId"])));
        Assert.Empty((await ada.NotificationsAsync()).Items);
        Assert.Equal(3, (await bob.Client.GetFromJsonAsync<UnreadCountDto>("/api/notifications/unread-count"))!.Count);
    }

    [Fact]
    public async Task Marking_read_changes_the_unread_list_and_count()
    {
        var (_, bob, notifications) = await NotifiedAsync(3);

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.PostAsync($"/api/notifications/{notifications[1].Id}/read", null)).StatusCode);

        var unread = await bob.NotificationsAsync("&unread=true");
        Assert.Equal([notifications[0].Id, notifications[2].Id], unread.Items.Select(n => n.Id));
        Assert.Equal(2, (await bob.Client.GetFromJsonAsync<UnreadCountDto>("/api/notifications/unread-count"))!.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.PostAsync("/api/notifications/read-all", null)).StatusCode);
        Assert.Empty((await bob.NotificationsAsync("&unread=true")).Items);
        Assert.All((await bob.NotificationsAsync()).Items, n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task Someone_elses_notification_is_not_found_and_stays_unread()
    {
        var (ada, bob, notifications) = await NotifiedAsync(1);

        await (await ada.Client.PostAsync($"/api/notifications/{notifications[0].Id}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ada.Client.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await bob.NotificationsAsync()).Items.Single().IsRead);
    }

    [Fact]
    public async Task Notifications_are_paged_with_bounded_page_sizes()
    {
        var (_, bob, notifications) = await NotifiedAsync(5);

        var first = await bob.GetPageAsync<NotificationDto>("/api/notifications?limit=2");
        var second = await bob.GetPageAsync<NotificationDto>($"/api/notifications?limit=2&cursor={first.NextCursor}");
        var third = await bob.GetPageAsync<NotificationDto>($"/api/notifications?limit=2&cursor={second.NextCursor}");

        Assert.Equal(notifications.Select(n => n.Id), first.Items.Concat(second.Items).Concat(third.Items).Select(n => n.Id));
        Assert.Null(third.NextCursor);
        await (await bob.Client.GetAsync("/api/notifications?limit=0")).AssertValidationProblemAsync("limit");
        await (await bob.Client.GetAsync("/api/notifications?limit=101")).AssertValidationProblemAsync("limit");
        await (await bob.Client.GetAsync("/api/notifications?cursor=nonsense")).AssertValidationProblemAsync("cursor");
        await (await bob.Client.GetAsync("/api/notifications?unread=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
