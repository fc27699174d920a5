using Tripmate.ServiceDefaults.Caching;
using Tripmate.SocialGraph.Tests.Infrastructure;

namespace Tripmate.SocialGraph.Tests.Platform;

/// <summary>Lists are cacheable per caller under their users' tags; every change evicts both users' tags; computed answers are never stored.</summary>
public sealed class CacheHeadersTests(SocialGraphApp app) : IClassFixture<SocialGraphApp>
{
    [Theory]
    [InlineData("followers")]
    [InlineData("following")]
    [InlineData("friends")]
    [InlineData("stats")]
    public async Task A_users_lists_are_private_briefly_and_tagged_with_that_user(string list)
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());

        var response = await ada.Client.GetAsync($"{Steps.Root}/{bob.Id}/{list}");

        Assert.True(response.Headers.CacheControl is { Private: true, Public: false, MaxAge.TotalSeconds: 10 }, $"{response.Headers.CacheControl}");
        Assert.Equal($"relationships:{bob.Id}", Assert.Single(response.Headers.GetValues(CacheHeaders.Tags)));
    }

    [Fact]
    public async Task Follow_unfollow_block_and_unblock_evict_both_users_tags()
    {
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());
        var expected = new[] { $"relationships:{ada.Id}", $"relationships:{bob.Id}" };

        foreach (var change in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => ada.FollowAsync(bob.Id), () => ada.UnfollowAsync(bob.Id), () => ada.BlockAsync(bob.Id), () => ada.UnblockAsync(bob.Id),
                 })
        {
            var response = await change();
            var evicted = string.Join(' ', response.Headers.GetValues(CacheHeaders.Invalidate)).Split(' ');
            Assert.Equal(expected.Order(), evicted.Order());
        }
    }

    [Theory]
    [InlineData("suggestions")]
    [InlineData("suggestions/groups")]
    public async Task Suggestions_are_never_stored(string path)
    {
        var ada = await app.NewUserAsync();

        var response = await ada.Client.GetAsync($"{Steps.Root}/{path}");

        Assert.True(response.Headers.CacheControl is { NoStore: true }, $"{response.Headers.CacheControl}");
    }
}
