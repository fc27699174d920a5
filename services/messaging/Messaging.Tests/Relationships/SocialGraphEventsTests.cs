using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.SocialGraph;
using Tripmate.Messaging.Notifications;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Relationships;

/// <summary>social-graph's events on the real RabbitMQ: a follow notifies, a block stops direct messages.</summary>
public sealed class SocialGraphEventsTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    [Fact]
    public async Task A_follow_notifies_the_followed_person_once_however_often_it_is_delivered()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var followed = new UserFollowed(ada.Id, bob.Id);

        await events.PublishAsync(followed);
        await events.PublishAsync(followed);
        await events.PublishAsync(followed with { }); // the same event id again, as a second relay attempt would send it

        var page = await bob.WaitForNotificationsAsync(found => found.Any(n => n.Type == UserFollowedConsumer.NotificationType), "the follow notification");
        await Task.Delay(500); // a duplicate would arrive right behind
        var notification = Assert.Single((await bob.NotificationsAsync()).Items, n => n.Type == UserFollowedConsumer.NotificationType);
        Assert.Equal(ada.Id.ToString(), notification.Data["followerId"]);
        Assert.DoesNotContain((await ada.NotificationsAsync()).Items, n => n.Type == UserFollowedConsumer.NotificationType);
        Assert.NotEmpty(page.Items);
    }

    [Fact]
    public async Task Across_a_block_no_direct_conversation_opens_and_no_message_is_sent_in_an_existing_one()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        await bob.SendAsync(conversation.Id, "hello before");

        await events.PublishAsync(new UserBlocked(ada.Id, bob.Id));
        await Eventually.WaitForAsync(async () => (await bob.PostMessageAsync(conversation.Id, new { text = "hi?" })).StatusCode,
            status => status == HttpStatusCode.Forbidden, Steps.EventTimeout, "sends to be refused");

        await (await ada.PostMessageAsync(conversation.Id, new { text = "and you?" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        foreach (var (caller, other) in new[] { (ada, bob), (bob, ada) })
        {
            var open = await caller.Client.PostAsJsonAsync("/api/conversations/direct", new { userId = other.Id });
            await open.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_unblock_allows_messages_again_and_a_late_block_older_than_it_changes_nothing()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var blockedAt = DateTimeOffset.UtcNow;
        var blocked = new UserBlocked(ada.Id, bob.Id) { OccurredAt = blockedAt };
        await events.PublishAsync(blocked);
        await Eventually.WaitForAsync(async () => (await bob.PostMessageAsync(conversation.Id, new { text = "hi?" })).StatusCode,
            status => status == HttpStatusCode.Forbidden, Steps.EventTimeout, "sends to be refused");

        await events.PublishAsync(new UserUnblocked(ada.Id, bob.Id) { OccurredAt = blockedAt.AddSeconds(1) });
        await Eventually.WaitForAsync(async () => (await bob.PostMessageAsync(conversation.Id, new { text = "hi again" })).StatusCode,
            status => status == HttpStatusCode.Created, Steps.EventTimeout, "sends to be allowed");
        // A redelivery of the block, with a new id so the processed-event record cannot be what stops it: older, so ignored.
        await events.PublishAsync(blocked with { EventId = Guid.CreateVersion7() });
        var marker = new UserFollowed(ada.Id, bob.Id);
        await events.PublishAsync(marker);
        await bob.WaitForNotificationsAsync(found => found.Any(n => n.Type == UserFollowedConsumer.NotificationType), "a later event");
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.Created, (await ada.PostMessageAsync(conversation.Id, new { text = "still open" })).StatusCode);
    }
}
