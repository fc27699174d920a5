using System.Net;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Relationships;

/// <summary>Bad input answers 4xx problem details, never 500.</summary>
public sealed class BadInputTests(SocialGraphApp app) : IClassFixture<SocialGraphApp>
{
    [Theory]
    [InlineData("GET", "not-a-guid/followers", "userId")]
    [InlineData("GET", "12345/stats", "userId")]
    [InlineData("GET", "mutual/x", "otherUserId")]
    [InlineData("GET", "path/abc/def", "fromUserId")]
    [InlineData("PUT", "following/not-a-guid", "userId")]
    [InlineData("PUT", "blocks/%20", "userId")]
    [InlineData("GET", "suggestions?limit=101", "limit")]
    [InlineData("GET", "suggestions/groups?limit=0", "limit")]
    [InlineData("GET", "suggestions?cursor=garbage", "cursor")]
    [InlineData("GET", "blocks?limit=abc", "limit")]
    public async Task Malformed_values_are_400(string method, string path, string field)
    {
        var ada = await app.NewUserAsync();

        var response = await ada.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{Steps.Root}/{path}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, $"{problem.Detail} {string.Join(" ", problem.Errors?.Keys.ToArray() ?? [])}", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_path_depth_outside_1_to_6_is_400(int maxDepth)
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());

        var response = await ada.Client.GetAsync($"{Steps.Root}/path/{ada.Id}/{bob.Id}?maxDepth={maxDepth}");

        await response.AssertValidationProblemAsync("maxDepth");
    }

    [Fact]
    public async Task A_cursor_of_another_users_list_is_400()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        foreach (var fan in new[] { await app.NewUserAsync(), await app.NewUserAsync() })
        {
            await fan.FollowOkAsync(ada);
        }

        var adasPage = await ada.ListAsync(ada.Id, "followers", "?limit=1");
        var response = await ada.Client.GetAsync($"{Steps.Root}/{bob.Id}/followers?cursor={adasPage.NextCursor}");

        await response.AssertValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task No_path_within_the_depth_is_404_and_a_list_of_an_unknown_user_is_404()
    {
        var (ada, bob, carol) = (await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync());
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(carol);

        await (await ada.Client.GetAsync($"{Steps.Root}/path/{ada.Id}/{carol.Id}?maxDepth=1")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await ada.GetOkAsync<PathDto>($"path/{ada.Id}/{carol.Id}?maxDepth=2")).Length);
        await (await ada.Client.GetAsync($"{Steps.Root}/{Guid.NewGuid()}/followers")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
