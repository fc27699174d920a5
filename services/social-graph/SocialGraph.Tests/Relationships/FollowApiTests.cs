using System.Net;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Relationships;

public sealed class FollowApiTests(SocialGraphApp app) : IClassFixture<SocialGraphApp>
{
    [Fact]
    public async Task Following_twice_is_one_follow_seen_in_both_users_lists_and_counts()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());

        await ada.FollowOkAsync(bob);
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(ada);

        Assert.Equal([ada.Id], await bob.IdsAsync(bob.Id, "followers"));
        Assert.Equal([bob.Id], await bob.IdsAsync(ada.Id, "following"));
        Assert.Equal([bob.Id], await ada.IdsAsync(ada.Id, "friends"));
        Assert.Equal(new StatsDto(1, 1, 1), await bob.GetOkAsync<StatsDto>($"{ada.Id}/stats"));
    }

    [Fact]
    public async Task Unfollowing_removes_the_follow_and_is_idempotent()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        await ada.FollowOkAsync(bob);

        Assert.Equal(HttpStatusCode.NoContent, (await ada.UnfollowAsync(bob.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.UnfollowAsync(bob.Id)).StatusCode);

        Assert.Empty(await ada.IdsAsync(bob.Id, "followers"));
    }

    [Fact]
    public async Task Following_yourself_is_400_and_an_unknown_or_deleted_user_is_404()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        await app.Graph.RemoveUserAsync(bob.Id, CancellationToken.None);

        await (await ada.FollowAsync(ada.Id)).AssertValidationProblemAsync("userId");
        await (await ada.FollowAsync(Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ada.FollowAsync(bob.Id)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_page_newest_first_with_the_one_paging_shape()
    {
        var star = await app.NewUserAsync();
        var fans = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var fan = await app.NewUserAsync();
            await fan.FollowOkAsync(star);
            fans.Add(fan);
            await Task.Delay(2); // distinct follow times, so the order is known
        }

        var first = await star.ListAsync(star.Id, "followers", "?limit=3");
        var second = await star.ListAsync(star.Id, "followers", $"?limit=3&cursor={first.NextCursor}");

        Assert.Equal(fans.Select(f => f.Id).Reverse(), first.Items.Concat(second.Items).Select(c => c.UserId));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Mutual_friends_are_those_both_users_are_friends_with()
    {
        var (ada, bob, carol, dan) = (await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync());
        foreach (var (one, other) in new[] { (ada, carol), (bob, carol), (ada, dan) })
        {
            await one.FollowOkAsync(other);
            await other.FollowOkAsync(one);
        }

        var mutual = await ada.GetOkAsync<PageDto<MutualFriendDto>>($"mutual/{bob.Id}");

        Assert.Equal([carol.Id], mutual.Items.Select(m => m.UserId));
    }

    [Fact]
    public async Task Lists_are_for_signed_in_callers_only()
    {
        var ada = await app.NewUserAsync();

        var response = await app.Anonymous().GetAsync($"{Steps.Root}/{ada.Id}/followers");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
