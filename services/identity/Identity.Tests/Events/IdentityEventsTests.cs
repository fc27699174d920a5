using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Events;

public sealed class IdentityEventsTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Every_identity_event_reaches_a_consumer_on_the_real_broker_with_its_content()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var owner = await app.NewUserAsync("Freya Stark");
        var member = await app.NewUserAsync("Gertrude Bell");

        await owner.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Dame Freya", bio = "Arabia" });
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Hadhramaut", description = "1935" }))
            .Content.ReadFromJsonAsync<GroupDto>())!;
        await owner.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Hadhramaut trek" });
        await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id, role = "admin" });
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/groups/{group.Id}/members/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/groups/{group.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync("/api/users/me")).StatusCode);

        var registered = await recorder.WaitForAsync<UserRegistered>(e => e.UserId == owner.Id);
        Assert.Equal("Freya Stark", registered.Single().DisplayName);
        var updated = await recorder.WaitForAsync<UserProfileUpdated>(e => e.UserId == owner.Id);
        Assert.Equal(("Dame Freya", "Arabia"), (updated.Single().DisplayName, updated.Single().Bio));
        var created = await recorder.WaitForAsync<GroupCreated>(e => e.GroupId == group.Id);
        Assert.Equal(("Hadhramaut", "1935", owner.Id), (created.Single().Name, created.Single().Description, created.Single().OwnerId));
        var renamed = await recorder.WaitForAsync<GroupUpdated>(e => e.GroupId == group.Id);
        Assert.Equal("Hadhramaut trek", renamed.Single().Name);
        var added = await recorder.WaitForAsync<GroupMemberAdded>(e => e.GroupId == group.Id, count: 2);
        Assert.Equal(new[] { (owner.Id, "owner"), (member.Id, "admin") }.Order(), added.Select(e => (e.UserId, e.Role)).Order());
        await recorder.WaitForAsync<GroupMemberRemoved>(e => e.GroupId == group.Id && e.UserId == member.Id);
        await recorder.WaitForAsync<GroupDeleted>(e => e.GroupId == group.Id);
        await recorder.WaitForAsync<UserDeleted>(e => e.UserId == member.Id);

        Assert.All(recorder.All, received => Assert.Equal(received.Event.EventId, received.MessageId));
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_raises_no_event()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var user = await app.NewUserAsync("Same Name");

        await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Same Name" });
        await user.Client.PatchAsJsonAsync("/api/users/me", new { bio = "Changed" });

        var updates = await recorder.WaitForAsync<UserProfileUpdated>(e => e.UserId == user.Id);
        await recorder.WaitForAsync<UserRegistered>(e => e.UserId == user.Id);
        Assert.Equal("Changed", Assert.Single(updates).Bio);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_the_groups_it_owns_and_says_so()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var owner = await app.NewUserAsync();
        var friend = await app.NewUserAsync();
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Doomed" })).Content.ReadFromJsonAsync<GroupDto>())!;
        await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = friend.Id });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync("/api/users/me")).StatusCode);

        await (await friend.Client.GetAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await recorder.WaitForAsync<GroupDeleted>(e => e.GroupId == group.Id);
        await recorder.WaitForAsync<UserDeleted>(e => e.UserId == owner.Id);
    }
}
