using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>Real identity behind the gateway marking its own answers, the real Redis cache, evictions from real RabbitMQ events.</summary>
public sealed class ResponseCacheTests(CachingStack stack) : IClassFixture<CachingStack>
{
    [Fact]
    public async Task A_public_profile_is_a_miss_first_then_a_hit_with_the_same_body()
    {
        var owner = await stack.NewUserAsync();
        var reader = await stack.NewUserAsync();

        var first = await reader.Client.GetAsync($"/api/users/{owner.Id}");
        var second = await reader.Client.GetAsync($"/api/users/{owner.Id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("MISS", first.CacheStatus());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("HIT", second.CacheStatus());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_public_profile_is_shared_by_all_readers()
    {
        var owner = await stack.NewUserAsync();
        var firstReader = await stack.NewUserAsync();
        var secondReader = await stack.NewUserAsync();

        Assert.Equal("MISS", (await firstReader.Client.GetAsync($"/api/users/{owner.Id}")).CacheStatus());
        Assert.Equal("HIT", (await secondReader.Client.GetAsync($"/api/users/{owner.Id}")).CacheStatus());
    }

    [Fact]
    public async Task A_profile_changed_through_the_gateway_is_seen_by_the_next_read()
    {
        var owner = await stack.NewUserAsync();
        await owner.Client.GetAsync($"/api/users/{owner.Id}");
        Assert.Equal("HIT", (await owner.Client.GetAsync($"/api/users/{owner.Id}")).CacheStatus());

        var patch = await owner.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Renamed through the gateway" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var next = await owner.Client.GetAsync($"/api/users/{owner.Id}");
        Assert.Equal("MISS", next.CacheStatus());
        Assert.Equal("Renamed through the gateway", (await next.Content.ReadFromJsonAsync<Profile>())!.DisplayName);
    }

    [Fact]
    public async Task A_profile_changed_directly_at_identity_leaves_the_cache_within_one_second_through_the_event()
    {
        var owner = await stack.NewUserAsync();
        var reader = await stack.NewUserAsync();
        await reader.Client.GetAsync($"/api/users/{owner.Id}");
        Assert.Equal("HIT", (await reader.Client.GetAsync($"/api/users/{owner.Id}")).CacheStatus());

        using var direct = stack.DirectlyAtIdentity(owner);
        var patch = await direct.PatchAsJsonAsync("/api/users/me", new { bio = "Changed behind the gateway's back" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var changedAt = Stopwatch.StartNew();

        var seen = await Eventually.WaitForAsync(
            async () => (await reader.Client.GetFromJsonAsync<Profile>($"/api/users/{owner.Id}"))!,
            profile => profile.Bio == "Changed behind the gateway's back",
            TimeSpan.FromSeconds(10),
            "the cached profile to be evicted by identity's CacheTagsInvalidated");
        Assert.True(changedAt.Elapsed < TimeSpan.FromSeconds(1), $"The change was served after {changedAt.ElapsedMilliseconds} ms.");
        Assert.Equal(owner.Id, seen.Id);
    }

    [Fact]
    public async Task Own_account_is_never_cached()
    {
        var user = await stack.NewUserAsync();

        var first = await user.Client.GetAsync("/api/users/me");
        var second = await user.Client.GetAsync("/api/users/me");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.CacheStatus());
        Assert.Null(second.CacheStatus());
    }

    [Fact]
    public async Task Without_a_valid_token_a_cacheable_route_answers_401_and_never_reaches_the_cache()
    {
        var owner = await stack.NewUserAsync();
        await owner.Client.GetAsync($"/api/users/{owner.Id}"); // cached now

        var response = await stack.Anonymous().GetAsync($"/api/users/{owner.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.CacheStatus());
    }
}
