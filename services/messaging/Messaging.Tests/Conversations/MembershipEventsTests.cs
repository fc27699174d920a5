using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Conversations;

/// <summary>Acceptance 6: identity's group events, from the real RabbitMQ, shape the group conversations.</summary>
public sealed class MembershipEventsTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    [Fact]
    public async Task A_created_group_has_a_conversation_of_its_owner_and_added_members()
    {
        var (owner, member, outsider) = (app.NewUser(), app.NewUser(), app.NewUser());

        var groupId = await events.NewGroupAsync(owner, member);

        var conversation = await member.Client.GetFromJsonAsync<ConversationDto>($"/api/conversations/{groupId}");
        Assert.Equal(("group", groupId, $"Trip {groupId:N}"), (conversation!.Kind, conversation.GroupId, conversation.Title));
        Assert.Null(conversation.MemberIds); // a group's members are listed, paged, by identity
        await member.SendAsync(groupId, "hello group");
        await (await outsider.Client.GetAsync($"/api/conversations/{groupId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_added_member_is_notified_and_the_owner_is_not()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());

        var groupId = await events.NewGroupAsync(owner, member);

        var notified = await member.WaitForNotificationsAsync(items => items.Count > 0, "the added member's notification");
        var notification = Assert.Single(notified.Items);
        Assert.Equal(("group-member-added", groupId.ToString()), (notification.Type, notification.Data["groupId"]));
        var marker = await member.SendAsync(groupId, "marker");
        await owner.WaitForNotificationsAsync(items => items.Any(n => n.Data.GetValueOrDefault("messageId") == marker.Id.ToString()), "the marker");
        Assert.DoesNotContain((await owner.NotificationsAsync()).Items, n => n.Type == "group-member-added");
    }

    [Fact]
    public async Task A_member_added_before_the_group_was_created_is_not_lost()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = Guid.CreateVersion7();

        await events.PublishAsync(new GroupMemberAdded(groupId, member.Id, "member") { Version = 2 });
        await member.WaitForAccessAsync(groupId);
        await events.PublishAsync(new GroupCreated(groupId, "Late", null, owner.Id) { Version = 1 });
        await owner.WaitForAccessAsync(groupId);

        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/conversations/{groupId}")).StatusCode);
        await member.SendAsync(groupId, "still here after the late creation");
    }

    [Fact]
    public async Task A_removed_member_loses_the_conversation_and_the_others_keep_it()
    {
        var (owner, stays, leaves) = (app.NewUser(), app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, stays, leaves);

        await events.PublishAsync(new GroupMemberRemoved(groupId, leaves.Id) { Version = 4 });

        await leaves.WaitForAccessAsync(groupId, member: false);
        Assert.DoesNotContain((await leaves.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items, c => c.Id == groupId);
        await stays.SendAsync(groupId, "still here");
    }

    /// <summary>Acceptance 3 (platform): the add of an earlier version, arriving after the removal, must not resurrect the member.</summary>
    [Fact]
    public async Task A_removal_followed_by_a_late_add_of_an_older_version_leaves_the_member_out()
    {
        var (owner, traveller) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, traveller);
        var lateAdd = new GroupMemberAdded(groupId, traveller.Id, "member") { Version = 2, EventId = Guid.NewGuid() };

        await events.PublishAsync(new GroupMemberRemoved(groupId, traveller.Id) { Version = 3 });
        await traveller.WaitForAccessAsync(groupId, member: false);
        await events.PublishAsync(lateAdd);
        var marker = await events.NewGroupAsync(owner, traveller);

        // The marker went through the same consumer after the late add; a few more seconds cover
        // the consumer's concurrency, and the member must stay out all along.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        do
        {
            await (await traveller.Client.GetAsync($"/api/conversations/{groupId}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.DoesNotContain((await traveller.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items, c => c.Id == groupId);
        var notified = await traveller.NotificationsAsync();
        Assert.Contains(notified.Items, n => n.Data["groupId"] == marker.ToString());
        Assert.Single(notified.Items, n => n.Data["groupId"] == groupId.ToString()); // the first add's, not the late one's
    }

    [Fact]
    public async Task A_deleted_group_can_still_be_read_but_not_written_to()
    {
        var (owner, member) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, member);
        var before = await owner.SendAsync(groupId, "before the end");

        await events.PublishAsync(new GroupDeleted(groupId));

        await Tripmate.Testing.Eventually.WaitForAsync(
            () => member.Client.GetFromJsonAsync<ConversationDto>($"/api/conversations/{groupId}"),
            conversation => conversation!.ClosedAt is not null, Steps.EventTimeout, "the conversation to close");
        await (await member.PostMessageAsync(groupId, new { text = "anyone?" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PatchAsJsonAsync($"/api/conversations/{groupId}/messages/{before.Id}", new { text = "x" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before.Id, (await member.GetPageAsync<MessageDto>($"/api/conversations/{groupId}/messages")).Items.Single().Id);
    }

    [Fact]
    public async Task A_deleted_user_loses_notifications_inbox_and_memberships()
    {
        var (owner, doomed) = (app.NewUser(), app.NewUser());
        var groupId = await events.NewGroupAsync(owner, doomed);
        var direct = await doomed.OpenDirectAsync(owner.Id);
        await owner.SendAsync(groupId, "to everyone");
        await doomed.WaitForNotificationsAsync(items => items.Count >= 2, "the member's notifications");

        await events.PublishAsync(new UserDeleted(doomed.Id));

        await Tripmate.Testing.Eventually.WaitForAsync(() => app.KeptForAsync(doomed.Id, groupId, direct.Id),
            kept => kept == KeptForUser.Nothing, Steps.EventTimeout, "the inbox, notifications and memberships to be purged");
        await (await doomed.Client.GetAsync("/api/conversations")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await owner.SendAsync(groupId, "the group goes on");
    }
}
