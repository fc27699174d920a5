using System.Net;
using Tripmate.Contracts.Caching;
using Tripmate.Contracts.Identity;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.SocialGraph.Tests.Users;

/// <summary>Identity's events on the real RabbitMQ make users and memberships appear and disappear in the graph.</summary>
public sealed class IdentityEventsTests(SocialGraphApp app, EventPublisher events) : IClassFixture<SocialGraphApp>, IClassFixture<EventPublisher>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_registered_user_can_be_followed_and_a_deleted_one_disappears_with_their_follows()
    {
        await using var recorder = await SocialGraphEvents.RecordAsync();
        var ada = await app.NewUserAsync();
        var bobId = Guid.CreateVersion7();
        var bob = new TestUser(bobId, app.ClientFor(bobId));

        await events.PublishAsync(new UserRegistered(bobId, "Bob", DateTimeOffset.UtcNow));
        await Eventually.WaitForAsync(() => app.Graph.UserExistsAsync(bobId, Ct), exists => exists, Within, "bob to be registered");
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(ada);

        await events.PublishAsync(new UserDeleted(bobId));
        await Eventually.WaitForAsync(() => app.Graph.UserExistsAsync(bobId, Ct), exists => !exists, Within, "bob to be deleted");

        Assert.Equal(new StatsDto(0, 0, 0), await ada.GetOkAsync<StatsDto>($"{ada.Id}/stats"));
        await (await ada.FollowAsync(bobId)).AssertProblemAsync(HttpStatusCode.NotFound);
        // ada's cached lists showed bob: their eviction is committed with the removal.
        await recorder.WaitForAsync<CacheTagsInvalidated>(e => e.Tags.Contains($"relationships:{ada.Id}") && e.Tags.Contains($"relationships:{bobId}"));
    }

    [Fact]
    public async Task Replaying_every_event_changes_nothing()
    {
        var ada = await app.NewUserAsync();
        var bobId = Guid.CreateVersion7();
        var groupId = Guid.CreateVersion7();
        var registered = new UserRegistered(bobId, "Bob", DateTimeOffset.UtcNow);
        var added = new GroupMemberAdded(groupId, bobId, "member") { Version = 2 };
        var removed = new GroupMemberRemoved(groupId, bobId) { Version = 3 };
        var deleted = new UserDeleted(bobId);

        await events.PublishAsync(registered);
        await events.PublishAsync(added);
        await Eventually.WaitForAsync(() => app.Graph.IsMemberAsync(groupId, bobId, Ct), member => member, Within, "bob to join");
        await events.PublishAsync(removed);
        await Eventually.WaitForAsync(() => app.Graph.IsMemberAsync(groupId, bobId, Ct), member => !member, Within, "bob to leave");

        // The add again (same id: dropped as seen; a new id of the old version: refused by version).
        await events.PublishAsync(added);
        await events.PublishAsync(added with { EventId = Guid.CreateVersion7() });
        await events.PublishAsync(deleted);
        await Eventually.WaitForAsync(() => app.Graph.UserExistsAsync(bobId, Ct), exists => !exists, Within, "bob to be deleted");
        await events.PublishAsync(registered);
        await events.PublishAsync(registered with { EventId = Guid.CreateVersion7() });
        // A marker after the replays: once it is applied, they have been consumed.
        var marker = Guid.CreateVersion7();
        await events.PublishAsync(new UserRegistered(marker, "Marker", DateTimeOffset.UtcNow));
        await Eventually.WaitForAsync(() => app.Graph.UserExistsAsync(marker, Ct), exists => exists, Within, "the marker");
        await Task.Delay(500); // the queues are separate; give the last replays their turn

        Assert.False(await app.Graph.UserExistsAsync(bobId, Ct));
        Assert.False(await app.Graph.IsMemberAsync(groupId, bobId, Ct));
        await (await ada.FollowAsync(bobId)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Memberships_count_in_suggestions_and_leave_them_when_the_group_is_deleted()
    {
        var (me, friend) = (await app.NewUserAsync(), await app.NewUserAsync());
        await me.FollowOkAsync(friend);
        await friend.FollowOkAsync(me);
        var groupId = Guid.CreateVersion7();

        await events.PublishAsync(new GroupMemberAdded(groupId, friend.Id, "owner") { Version = 1 });
        var groups = await Eventually.WaitForAsync(() => me.GetOkAsync<PageDto<GroupSuggestionDto>>("suggestions/groups"),
            page => page.Items.Count == 1, Within, "the group suggested");
        Assert.Equal(new GroupSuggestionDto(groupId, 1), groups.Items[0]);

        await events.PublishAsync(new GroupDeleted(groupId) { Version = 2 });
        await Eventually.WaitForAsync(() => me.GetOkAsync<PageDto<GroupSuggestionDto>>("suggestions/groups"),
            page => page.Items.Count == 0, Within, "the group no longer suggested");
    }
}
