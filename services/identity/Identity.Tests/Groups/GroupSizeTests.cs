using System.Net;
using System.Net.Http.Json;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Groups;

/// <summary>Identity with groups of at most three members, so the limit is reached quickly.</summary>
public sealed class SmallGroupsApp : IdentityApp
{
    public const int MaxMembers = 3;

    public SmallGroupsApp() => With("Groups:MaxMembers", MaxMembers.ToString());
}

public sealed class GroupSizeTests(SmallGroupsApp app) : IClassFixture<SmallGroupsApp>
{
    [Fact]
    public async Task A_full_group_refuses_another_member_with_409_and_takes_one_after_someone_leaves()
    {
        var owner = await app.NewUserAsync();
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Small" })).Content.ReadFromJsonAsync<GroupDto>())!;
        var users = new List<TestUser>();
        for (var i = 0; i < SmallGroupsApp.MaxMembers; i++)
        {
            users.Add(await app.NewUserAsync());
        }

        foreach (var user in users.Take(SmallGroupsApp.MaxMembers - 1))
        {
            Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = user.Id })).StatusCode);
        }

        var refused = await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = users[^1].Id });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"at most {SmallGroupsApp.MaxMembers}", problem.Detail);

        Assert.Equal(HttpStatusCode.NoContent, (await users[0].Client.DeleteAsync($"/api/groups/{group.Id}/members/{users[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = users[^1].Id })).StatusCode);
    }

    [Fact]
    public async Task Concurrent_additions_never_overfill_a_group()
    {
        var owner = await app.NewUserAsync();
        var group = (await (await owner.Client.PostAsJsonAsync("/api/groups", new { name = "Race" })).Content.ReadFromJsonAsync<GroupDto>())!;
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.NewUserAsync()));

        var answers = await Task.WhenAll(users.Select(u => owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = u.Id })));

        Assert.Equal(SmallGroupsApp.MaxMembers - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var members = (await owner.Client.GetFromJsonAsync<PageDto<MemberDto>>($"/api/groups/{group.Id}/members"))!;
        Assert.Equal(SmallGroupsApp.MaxMembers, members.Items.Count);
    }
}
