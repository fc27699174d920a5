using System.Net;
using System.Net.Http.Json;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Groups;

public sealed class GroupOwnershipTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static async Task<GroupDto> CreateGroupAsync(TestUser owner, string name = "Patagonia 2027")
    {
        var response = await owner.Client.PostAsJsonAsync("/api/groups", new { name, description = "Hiking" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GroupDto>())!;
    }

    private static async Task AddMemberAsync(TestUser by, GroupDto group, TestUser who, string? role = null)
    {
        var response = await by.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = who.Id, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Creator_becomes_owner_and_sees_the_group_in_their_list()
    {
        var owner = await app.NewUserAsync();

        var group = await CreateGroupAsync(owner);

        Assert.Equal(owner.Id, group.OwnerId);
        Assert.Equal("owner", group.MyRole);
        var mine = await owner.Client.GetFromJsonAsync<PageDto<GroupDto>>("/api/groups?member=me");
        Assert.Equal([group.Id], mine!.Items.Select(g => g.Id));
    }

    [Fact]
    public async Task A_stranger_cannot_see_change_or_delete_a_group()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);

        await (await stranger.Client.GetAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/groups/{group.Id}/members")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = stranger.Id }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var unchanged = await owner.Client.GetFromJsonAsync<GroupDto>($"/api/groups/{group.Id}");
        Assert.Equal("Patagonia 2027", unchanged!.Name);
    }

    [Fact]
    public async Task A_member_who_is_not_the_owner_gets_403_for_changes()
    {
        var owner = await app.NewUserAsync();
        var member = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);
        await AddMemberAsync(owner, group, member);

        await (await member.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Mine now" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.DeleteAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var visible = await member.Client.GetFromJsonAsync<GroupDto>($"/api/groups/{group.Id}");
        Assert.Equal("Patagonia 2027", visible!.Name);
        Assert.Equal("member", visible.MyRole);
    }

    [Fact]
    public async Task Owner_can_rename_and_delete_the_group()
    {
        var owner = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);

        var renamed = await (await owner.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Atacama" })).Content.ReadFromJsonAsync<GroupDto>();
        Assert.Equal("Atacama", renamed!.Name);
        Assert.Equal("Hiking", renamed.Description);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/groups/{group.Id}")).StatusCode);
        await (await owner.Client.GetAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_owner_grants_admin_and_plain_members_cannot_add()
    {
        var owner = await app.NewUserAsync();
        var admin = await app.NewUserAsync();
        var member = await app.NewUserAsync();
        var newcomer = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);
        await AddMemberAsync(owner, group, admin, "admin");
        await AddMemberAsync(admin, group, member);

        await (await admin.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = newcomer.Id, role = "admin" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = newcomer.Id }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = newcomer.Id, role = "owner" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var members = await owner.Client.GetFromJsonAsync<PageDto<MemberDto>>($"/api/groups/{group.Id}/members");
        Assert.Equal(
            new[] { (owner.Id, "owner"), (admin.Id, "admin"), (member.Id, "member") }.OrderBy(m => m.Item1),
            members!.Items.Select(m => (m.UserId, m.Role)).OrderBy(m => m.UserId));
    }

    [Fact]
    public async Task Members_leave_admins_remove_members_and_the_owner_cannot_be_removed()
    {
        var owner = await app.NewUserAsync();
        var admin = await app.NewUserAsync();
        var first = await app.NewUserAsync();
        var second = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);
        await AddMemberAsync(owner, group, admin, "admin");
        await AddMemberAsync(owner, group, first);
        await AddMemberAsync(owner, group, second);

        await (await first.Client.DeleteAsync($"/api/groups/{group.Id}/members/{second.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await first.Client.DeleteAsync($"/api/groups/{group.Id}/members/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/groups/{group.Id}/members/{second.Id}")).StatusCode);
        await (await admin.Client.DeleteAsync($"/api/groups/{group.Id}/members/{owner.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.DeleteAsync($"/api/groups/{group.Id}/members/{owner.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);

        await (await first.Client.GetAsync($"/api/groups/{group.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var members = await owner.Client.GetFromJsonAsync<PageDto<MemberDto>>($"/api/groups/{group.Id}/members");
        Assert.Equal(new[] { owner.Id, admin.Id }.Order(), members!.Items.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task Group_list_requires_member_me()
    {
        var user = await app.NewUserAsync();

        await (await user.Client.GetAsync("/api/groups")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await user.Client.GetAsync($"/api/groups?member={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Member_list_pages_through_every_member_once()
    {
        var owner = await app.NewUserAsync();
        var group = await CreateGroupAsync(owner);
        var others = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            var user = await app.NewUserAsync();
            await AddMemberAsync(owner, group, user);
            others.Add(user);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await owner.Client.GetFromJsonAsync<PageDto<MemberDto>>(
                $"/api/groups/{group.Id}/members?limit=2&cursor={Uri.EscapeDataString(cursor ?? "")}");
            Assert.True(page!.Items.Count <= 2);
            seen.AddRange(page.Items.Select(m => m.UserId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(others.Select(u => u.Id).Append(owner.Id).Order(), seen.Order());
    }
}
