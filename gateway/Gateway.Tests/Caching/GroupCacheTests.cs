using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>Group answers depend on who asks (members only, the caller's role): cached per user, evicted on membership changes.</summary>
public sealed class GroupCacheTests(CachingStack stack) : IClassFixture<CachingStack>
{
    [Fact]
    public async Task Another_user_never_receives_a_members_cached_group_but_identitys_404()
    {
        var owner = await stack.NewUserAsync();
        var stranger = await stack.NewUserAsync();
        var group = await owner.CreateGroupAsync();
        await owner.WarmAsync($"/api/groups/{group.Id}");
        await owner.WarmAsync($"/api/groups/{group.Id}/members");

        var details = await stranger.Client.GetAsync($"/api/groups/{group.Id}");
        var members = await stranger.Client.GetAsync($"/api/groups/{group.Id}/members");

        await details.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(details.CacheStatus()); // identity's 404 is not marked cacheable
        await members.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(members.CacheStatus());
    }

    [Fact]
    public async Task Each_member_gets_their_own_role_and_a_new_member_is_seen_at_once()
    {
        var owner = await stack.NewUserAsync();
        var joiner = await stack.NewUserAsync();
        var group = await owner.CreateGroupAsync();
        await owner.WarmAsync($"/api/groups/{group.Id}/members");

        var add = await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = joiner.Id });
        Assert.True(add.IsSuccessStatusCode, await add.Content.ReadAsStringAsync());

        var members = await owner.Client.GetAsync($"/api/groups/{group.Id}/members");
        Assert.Equal("MISS", members.CacheStatus());
        Assert.Contains((await members.Content.ReadFromJsonAsync<PageDto<MemberDto>>())!.Items, m => m.UserId == joiner.Id);
        var ownerView = await owner.Client.GetFromJsonAsync<GroupDto>($"/api/groups/{group.Id}");
        var joinerView = await joiner.Client.GetFromJsonAsync<GroupDto>($"/api/groups/{group.Id}");
        Assert.Equal("owner", ownerView!.MyRole);
        Assert.Equal("member", joinerView!.MyRole);
    }

    [Fact]
    public async Task The_query_string_is_part_of_the_key()
    {
        var owner = await stack.NewUserAsync();
        var group = await owner.CreateGroupAsync();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var joiner = await stack.NewUserAsync();
            (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = joiner.Id })).EnsureSuccessStatusCode();
        }

        await owner.WarmAsync($"/api/groups/{group.Id}/members?limit=1");
        var pageOfOne = await owner.Client.GetAsync($"/api/groups/{group.Id}/members?limit=1");
        var pageOfTwo = await owner.Client.GetAsync($"/api/groups/{group.Id}/members?limit=2");

        Assert.Equal("MISS", pageOfTwo.CacheStatus());
        Assert.Single((await pageOfOne.Content.ReadFromJsonAsync<PageDto<MemberDto>>())!.Items);
        Assert.Equal(2, (await pageOfTwo.Content.ReadFromJsonAsync<PageDto<MemberDto>>())!.Items.Count);
    }

    [Fact]
    public async Task A_member_removed_directly_at_identity_loses_the_group_through_the_event()
    {
        var owner = await stack.NewUserAsync();
        var member = await stack.NewUserAsync();
        var group = await owner.CreateGroupAsync();
        (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id })).EnsureSuccessStatusCode();
        await member.WarmAsync($"/api/groups/{group.Id}");

        using var direct = stack.DirectlyAtIdentity(owner);
        (await direct.DeleteAsync($"/api/groups/{group.Id}/members/{member.Id}")).EnsureSuccessStatusCode();

        await Eventually.WaitForAsync(() => member.Client.GetAsync($"/api/groups/{group.Id}"),
            response => response.StatusCode == HttpStatusCode.NotFound, TimeSpan.FromSeconds(10),
            "GroupMemberRemoved to evict the removed member's cached group");
    }

    [Fact]
    public async Task A_member_list_is_evicted_when_a_member_renames_elsewhere()
    {
        var owner = await stack.NewUserAsync();
        var member = await stack.NewUserAsync();
        var group = await owner.CreateGroupAsync();
        (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id })).EnsureSuccessStatusCode();
        await owner.WarmAsync($"/api/groups/{group.Id}/members");

        using var direct = stack.DirectlyAtIdentity(member);
        (await direct.PatchAsJsonAsync("/api/users/me", new { displayName = "New name in the list" })).EnsureSuccessStatusCode();

        await Eventually.WaitForAsync(
            async () => (await owner.Client.GetFromJsonAsync<PageDto<MemberDto>>($"/api/groups/{group.Id}/members"))!,
            page => page.Items.Any(m => m.UserId == member.Id && m.DisplayName == "New name in the list"),
            TimeSpan.FromSeconds(10), "the member list to show the new display name");
    }
}
