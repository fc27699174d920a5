using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>Two gateway instances on one Redis and one eviction queue, as in production.</summary>
public sealed class TwoGatewayStack() : GatewayStack(identityInstances: 1)
{
    public GatewayApp SecondGateway { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SecondGateway = StartGateway();
    }

    public HttpClient ThroughSecondGateway(TestUser user)
    {
        var client = SecondGateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }
}

public sealed class SharedCacheTests(TwoGatewayStack stack) : IClassFixture<TwoGatewayStack>
{
    [Fact]
    public async Task An_answer_cached_by_one_instance_is_a_hit_on_the_other()
    {
        var owner = await stack.NewUserAsync();
        using var second = stack.ThroughSecondGateway(owner);

        Assert.Equal("MISS", (await owner.Client.GetAsync($"/api/users/{owner.Id}")).CacheStatus());
        Assert.Equal("HIT", (await second.GetAsync($"/api/users/{owner.Id}")).CacheStatus());
    }

    [Fact]
    public async Task A_write_through_one_instance_is_seen_through_the_other()
    {
        var owner = await stack.NewUserAsync();
        using var second = stack.ThroughSecondGateway(owner);
        await owner.WarmAsync($"/api/users/{owner.Id}");

        (await second.PatchAsJsonAsync("/api/users/me", new { displayName = "Written through the second" })).EnsureSuccessStatusCode();

        var read = await owner.Client.GetAsync($"/api/users/{owner.Id}");
        Assert.Equal("Written through the second", (await read.Content.ReadFromJsonAsync<Profile>())!.DisplayName);
    }

    [Fact]
    public async Task One_event_evicts_for_every_instance()
    {
        var owner = await stack.NewUserAsync();
        using var second = stack.ThroughSecondGateway(owner);
        await owner.WarmAsync($"/api/users/{owner.Id}");
        Assert.Equal("HIT", (await second.GetAsync($"/api/users/{owner.Id}")).CacheStatus());

        using var direct = stack.DirectlyAtIdentity(owner);
        (await direct.PatchAsJsonAsync("/api/users/me", new { bio = "Seen by both" })).EnsureSuccessStatusCode();

        foreach (var client in new[] { owner.Client, second })
        {
            var seen = await Eventually.WaitForAsync(() => client.GetFromJsonAsync<Profile>($"/api/users/{owner.Id}"),
                profile => profile!.Bio == "Seen by both", TimeSpan.FromSeconds(10), "both instances to serve the change");
            Assert.Equal(owner.Id, seen!.Id);
        }
    }
}
