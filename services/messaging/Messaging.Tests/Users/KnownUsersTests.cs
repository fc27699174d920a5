using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Users;

/// <summary>Issue 10: messaging knows who exists from identity's events, so nobody cannot be messaged.</summary>
public sealed class KnownUsersTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    [Fact]
    public async Task A_direct_conversation_with_nobody_or_a_group_is_404()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, member);

        await (await OpenAsync(owner, Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await OpenAsync(owner, Guid.CreateVersion7())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await OpenAsync(owner, groupId)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_registered_user_can_be_messaged_until_deleted_and_a_late_registration_does_not_bring_them_back()
    {
        var ada = app.NewUser();
        var newcomer = Guid.CreateVersion7();

        await events.PublishAsync(new UserRegistered(newcomer, "Newcomer", DateTimeOffset.UtcNow));
        await Eventually.WaitForAsync(async () => (await OpenAsync(ada, newcomer)).StatusCode,
            status => status == HttpStatusCode.OK, Steps.EventTimeout, "the registration to be known");

        await events.PublishAsync(new UserDeleted(newcomer));
        await Eventually.WaitForAsync(async () => (await OpenAsync(ada, newcomer)).StatusCode,
            status => status == HttpStatusCode.NotFound, Steps.EventTimeout, "the deletion to be known");

        await events.PublishAsync(new UserRegistered(newcomer, "Newcomer", DateTimeOffset.UtcNow)); // redelivered late
        var marker = Guid.CreateVersion7();
        await events.PublishAsync(new UserRegistered(marker, "Marker", DateTimeOffset.UtcNow));
        await Eventually.WaitForAsync(async () => (await OpenAsync(ada, marker)).StatusCode,
            status => status == HttpStatusCode.OK, Steps.EventTimeout, "a later registration, so the late one was consumed too");
        await (await OpenAsync(ada, newcomer)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_notification_shows_the_message_as_it_is_now()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var edited = await ada.SendAsync(conversation.Id, "see you at 9");
        var deleted = await ada.SendAsync(conversation.Id, "my password is hunter2");
        await bob.WaitForNotificationsAsync(items => items.Count == 2, "two notifications");

        var url = $"/api/conversations/{conversation.Id}/messages";
        Assert.Equal(HttpStatusCode.OK, (await ada.Client.PatchAsJsonAsync($"{url}/{edited.Id}", new { text = "see you at 10" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"{url}/{deleted.Id}")).StatusCode);

        var notifications = (await bob.NotificationsAsync()).Items;
        Assert.Equal("see you at 10", notifications.Single(n => n.Data["messageId"] == edited.Id.ToString()).Text);
        Assert.Null(notifications.Single(n => n.Data["messageId"] == deleted.Id.ToString()).Text);
    }

    private static Task<HttpResponseMessage> OpenAsync(TestUser user, Guid otherId) =>
        user.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = otherId });
}
