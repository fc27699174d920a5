using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Tests.Infrastructure;

namespace Tripmate.Identity.Tests.Events;

/// <summary>Each change of a group carries the group's next version, so consumers can order what queues deliver out of order.</summary>
public sealed class GroupVersionTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Every_change_of_a_group_carries_the_next_version_in_the_order_it_happened()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var owner = await app.NewUserAsync();
        var member = await app.NewUserAsync();
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Versions" })).Content.ReadFromJsonAsync<GroupDto>())!;
        await owner.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Versions 2" });
        await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id });
        await owner.Client.DeleteAsync($"/api/groups/{group.Id}/members/{member.Id}");
        await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id });
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/groups/{group.Id}")).StatusCode);

        Assert.Equal(1, (await recorder.WaitForAsync<GroupCreated>(e => e.GroupId == group.Id)).Single().Version);
        Assert.Equal(2, (await recorder.WaitForAsync<GroupUpdated>(e => e.GroupId == group.Id)).Single().Version);
        var added = await recorder.WaitForAsync<GroupMemberAdded>(e => e.GroupId == group.Id, count: 3);
        Assert.Equal([(owner.Id, 1L), (member.Id, 3L), (member.Id, 5L)], added.Select(e => (e.UserId, e.Version)).OrderBy(a => a.Version));
        Assert.Equal(4, (await recorder.WaitForAsync<GroupMemberRemoved>(e => e.GroupId == group.Id)).Single().Version);
        Assert.Equal(6, (await recorder.WaitForAsync<GroupDeleted>(e => e.GroupId == group.Id)).Single().Version);
    }

    [Fact]
    public async Task Concurrent_member_changes_of_one_group_get_distinct_versions()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var owner = await app.NewUserAsync();
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Busy" })).Content.ReadFromJsonAsync<GroupDto>())!;
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.NewUserAsync()));

        var answers = await Task.WhenAll(users.Select(u => owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = u.Id })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var added = await recorder.WaitForAsync<GroupMemberAdded>(e => e.GroupId == group.Id && e.Role == "member", count: users.Length);
        Assert.Equal(Enumerable.Range(2, users.Length).Select(v => (long)v), added.Select(e => e.Version).Order());
    }
}
