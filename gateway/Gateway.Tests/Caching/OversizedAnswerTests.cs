using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>A body limit smaller than any profile: every answer outgrows the buffer mid-way.</summary>
public sealed class TinyCacheBufferStack() : GatewayStack(identityInstances: 1)
{
    protected override void ConfigureGateway(IDictionary<string, string?> settings) =>
        settings["Caching:MaxBodyBytes"] = "16";
}

public sealed class OversizedAnswerTests(TinyCacheBufferStack stack) : IClassFixture<TinyCacheBufferStack>
{
    [Fact]
    public async Task An_answer_larger_than_the_limit_is_passed_through_whole_and_never_cached()
    {
        var owner = await stack.NewUserAsync(displayName: $"A name long enough to pass the buffer {Guid.NewGuid():N}");
        using var direct = stack.DirectlyAtIdentity(owner);
        var expected = await direct.GetFromJsonAsync<Profile>($"/api/users/{owner.Id}");

        var first = await owner.Client.GetAsync($"/api/users/{owner.Id}");
        var second = await owner.Client.GetAsync($"/api/users/{owner.Id}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("MISS", first.CacheStatus());
        Assert.Equal("MISS", second.CacheStatus());
        Assert.Equal(expected, await second.Content.ReadFromJsonAsync<Profile>());
    }
}
