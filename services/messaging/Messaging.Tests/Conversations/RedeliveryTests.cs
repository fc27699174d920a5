using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Contracts.Messaging;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Conversations;

/// <summary>
/// Acceptance 6: each consumer is idempotent. A redelivery is the same event (same id, same time)
/// published again, as the broker or identity's relay would deliver it after a lost acknowledgement.
/// Each test ends with a later event as a marker, so everything before it has been consumed.
/// </summary>
public sealed class RedeliveryTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    [Fact]
    public async Task A_redelivered_member_added_event_notifies_once()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner);
        var added = new GroupMemberAdded(groupId, member.Id, "member") { Version = 2 };

        await events.PublishAsync(added);
        await events.PublishAsync(added);
        await events.PublishAsync(new GroupCreated(groupId, "again", null, owner.Id));
        await events.PublishAsync(new GroupMemberAdded(Guid.CreateVersion7(), member.Id, "member"));

        var notifications = await member.WaitForNotificationsAsync(items => items.Count >= 2, "both groups' notifications");
        Assert.Single(notifications.Items, n => n.Data["groupId"] == groupId.ToString());
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/conversations/{groupId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/conversations/{groupId}")).StatusCode);
    }

    [Fact]
    public async Task A_redelivered_message_sent_event_notifies_each_other_member_once()
    {
        var (owner, first, second) = (app.NewUser(), app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, first, second);
        var message = await owner.SendAsync(groupId, "see you at the station");

        await events.PublishAsync(new MessageSent(groupId, message.Id, owner.Id, message.Text!, [])
        {
            EventId = message.Id,
            OccurredAt = TimeUuid.GetTimestamp(message.Id),
        });
        var marker = await owner.SendAsync(groupId, "marker");

        foreach (var member in new[] { first, second })
        {
            var notifications = await member.WaitForNotificationsAsync(
                items => items.Any(n => n.Data.GetValueOrDefault("messageId") == marker.Id.ToString()), "the marker's notification");
            var notification = Assert.Single(notifications.Items, n => n.Data.GetValueOrDefault("messageId") == message.Id.ToString());
            Assert.Equal(("message", "see you at the station", owner.Id.ToString()), (notification.Type, notification.Text, notification.Data["senderId"]));
        }

        Assert.DoesNotContain((await owner.NotificationsAsync()).Items, n => n.Type == "message");
    }

    [Fact]
    public async Task Redelivered_removal_deletion_and_account_deletion_change_nothing_more()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, member);
        await member.WaitForNotificationsAsync(items => items.Count == 1, "the added member's notification");
        var removed = new GroupMemberRemoved(groupId, member.Id) { Version = 3 };
        var deleted = new GroupDeleted(groupId) { Version = 4 };
        var userDeleted = new UserDeleted(member.Id);

        foreach (var once in new Tripmate.Contracts.IntegrationEvent[] { removed, removed, deleted, deleted, userDeleted, userDeleted })
        {
            await events.PublishAsync(once);
        }

        await Tripmate.Testing.Eventually.WaitForAsync(
            () => owner.Client.GetFromJsonAsync<ConversationDto>($"/api/conversations/{groupId}"),
            conversation => conversation!.ClosedAt is not null, Steps.EventTimeout, "the group to close");
        await Tripmate.Testing.Eventually.WaitForAsync(() => app.KeptForAsync(member.Id, groupId),
            kept => kept == KeptForUser.Nothing, Steps.EventTimeout, "the deleted member's notifications and membership to be purged");
    }
}
