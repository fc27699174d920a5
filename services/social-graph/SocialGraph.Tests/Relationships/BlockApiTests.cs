using System.Net;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Relationships;

public sealed class BlockApiTests(SocialGraphApp app) : IClassFixture<SocialGraphApp>
{
    [Fact]
    public async Task A_block_ends_follows_both_ways_and_refuses_new_ones_with_403()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(ada);

        Assert.Equal(HttpStatusCode.NoContent, (await ada.BlockAsync(bob.Id)).StatusCode);

        Assert.Empty(await ada.IdsAsync(ada.Id, "followers"));
        Assert.Empty(await ada.IdsAsync(ada.Id, "following"));
        await (await bob.FollowAsync(ada.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ada.FollowAsync(bob.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Across_a_block_each_others_lists_stats_and_mutual_friends_are_404_to_either_side()
    {
        var (ada, bob, carol) = (await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync());
        await ada.BlockAsync(bob.Id);

        foreach (var (viewer, owner) in new[] { (bob, ada), (ada, bob) })
        {
            foreach (var path in new[] { "followers", "following", "friends", "stats" })
            {
                var response = await viewer.Client.GetAsync($"{Steps.Root}/{owner.Id}/{path}");
                await response.AssertProblemAsync(HttpStatusCode.NotFound);
            }

            await (await viewer.Client.GetAsync($"{Steps.Root}/mutual/{owner.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // Others still see both.
        Assert.NotNull(await carol.GetOkAsync<StatsDto>($"{ada.Id}/stats"));
    }

    [Fact]
    public async Task The_blocks_list_is_the_callers_own_and_an_unblock_allows_following_again()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        await ada.BlockAsync(bob.Id);

        Assert.Equal([bob.Id], (await ada.GetOkAsync<PageDto<ConnectionDto>>("blocks")).Items.Select(c => c.UserId));
        Assert.Empty((await bob.GetOkAsync<PageDto<ConnectionDto>>("blocks")).Items);

        Assert.Equal(HttpStatusCode.NoContent, (await ada.UnblockAsync(bob.Id)).StatusCode);
        await bob.FollowOkAsync(ada);
    }

    [Fact]
    public async Task Blocked_people_disappear_from_each_others_suggestions_and_paths()
    {
        var (ada, bob, carol) = (await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync());
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(carol);
        Assert.Equal([carol.Id], (await ada.GetOkAsync<PageDto<SuggestionDto>>("suggestions")).Items.Select(s => s.UserId));
        Assert.Equal([ada.Id, bob.Id, carol.Id], (await ada.GetOkAsync<PathDto>($"path/{ada.Id}/{carol.Id}")).UserIds);

        await carol.BlockAsync(ada.Id);

        Assert.Empty((await ada.GetOkAsync<PageDto<SuggestionDto>>("suggestions")).Items);
        await (await ada.Client.GetAsync($"{Steps.Root}/path/{ada.Id}/{carol.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await carol.Client.GetAsync($"{Steps.Root}/path/{ada.Id}/{bob.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Blocking_yourself_is_400_and_an_unknown_user_404()
    {
        var ada = await app.NewUserAsync();

        await (await ada.BlockAsync(ada.Id)).AssertValidationProblemAsync("userId");
        await (await ada.BlockAsync(Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
