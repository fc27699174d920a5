using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Contracts.Caching;
using Tripmate.Gateway.Caching;
using Tripmate.Gateway.Redis;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.Testing;
using static Tripmate.Gateway.Tests.Caching.AnyService;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>
/// The cache driven by nothing but a service's answers: what is stored, for whom, how long, and
/// what evicts it, for a service added with a route alone.
/// </summary>
public sealed class AnyServiceCacheTests(AnyServiceStack stack) : IClassFixture<AnyServiceStack>
{
    [Fact]
    public async Task A_private_answer_is_cached_for_its_caller_and_never_served_to_another()
    {
        var (ada, bob) = (await stack.NewUserAsync(), await stack.NewUserAsync());
        var url = Url(null, Private(), Tags(NewTag()));

        var first = await ada.Client.GetEchoAsync(url);
        var again = await ada.Client.GetEchoAsync(url);
        var other = await bob.Client.GetEchoAsync(url);

        Assert.Equal(("MISS", "HIT"), (first.Response.CacheStatus(), again.Response.CacheStatus()));
        Assert.Equal(first.Echo, again.Echo);
        Assert.Equal("MISS", other.Response.CacheStatus());
        Assert.Equal($"Bearer {bob.AccessToken}", other.Echo.Authorization);
        Assert.Equal("HIT", (await bob.Client.GetEchoAsync(url)).Response.CacheStatus());
        Assert.Equal($"Bearer {ada.AccessToken}", (await ada.Client.GetEchoAsync(url)).Echo.Authorization);
    }

    [Fact]
    public async Task A_public_answer_is_shared_by_all_callers()
    {
        var (ada, bob) = (await stack.NewUserAsync(), await stack.NewUserAsync());
        var url = Url(null, Public(), Tags(NewTag()));

        var first = await ada.Client.GetEchoAsync(url);
        var other = await bob.Client.GetEchoAsync(url);

        Assert.Equal(("MISS", "HIT"), (first.Response.CacheStatus(), other.Response.CacheStatus()));
        Assert.Equal(first.Echo, other.Echo);
    }

    [Fact]
    public async Task A_published_CacheTagsInvalidated_evicts_every_answer_with_one_of_its_tags_however_a_guid_is_spelled()
    {
        var user = await stack.NewUserAsync();
        var id = Guid.NewGuid();
        var tagged = Url(null, Private(), Tags($"thing:{id.ToString().ToUpperInvariant()}", NewTag()));
        var untouched = Url(null, Private(), Tags(NewTag()));
        await user.Client.GetEchoAsync(tagged);
        await user.Client.GetEchoAsync(untouched);
        Assert.Equal("HIT", (await user.Client.GetEchoAsync(tagged)).Response.CacheStatus());

        await PublishAsync(new CacheTagsInvalidated([$"thing:{id:N}"]));

        await Eventually.WaitForAsync(() => user.Client.GetEchoAsync(tagged), read => read.Response.CacheStatus() == "MISS",
            TimeSpan.FromSeconds(10), "the published event to evict the tagged answer");
        Assert.Equal("HIT", (await user.Client.GetEchoAsync(untouched)).Response.CacheStatus());
    }

    [Fact]
    public async Task A_writes_invalidation_header_evicts_for_every_caller_before_the_writer_reads_again()
    {
        var (writer, reader) = (await stack.NewUserAsync(), await stack.NewUserAsync());
        var tag = NewTag();
        var url = Url(null, Private(), Tags(tag, NewTag()));
        await writer.Client.GetEchoAsync(url);
        await reader.Client.GetEchoAsync(url);

        var write = await writer.Client.PostAsync(Url(null, Invalidates(NewTag(), tag)), null);

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal("MISS", (await writer.Client.GetEchoAsync(url)).Response.CacheStatus());
        Assert.Equal("MISS", (await reader.Client.GetEchoAsync(url)).Response.CacheStatus());
    }

    [Fact]
    public async Task The_headers_meant_for_the_cache_never_reach_the_client_and_it_is_told_to_ask_again()
    {
        var user = await stack.NewUserAsync();
        var tag = NewTag();
        var url = Url(null, Private(), Tags(tag));

        var miss = (await user.Client.GetEchoAsync(url)).Response;
        var hit = (await user.Client.GetEchoAsync(url)).Response;
        var write = await user.Client.PostAsync(Url(null, Invalidates(tag)), null);
        var shared = (await user.Client.GetEchoAsync(Url(null, Public(), Tags(tag)))).Response;

        foreach (var response in new[] { miss, hit, write, shared })
        {
            Assert.False(response.Headers.Contains("Surrogate-Key"));
            Assert.False(response.Headers.Contains("Surrogate-Key-Invalidate"));
        }

        Assert.Equal(("MISS", "HIT"), (miss.CacheStatus(), hit.CacheStatus()));
        Assert.Equal([(true, true), (true, true), (true, false)],
            new[] { miss, hit, shared }.Select(r => (r.Headers.CacheControl!.NoCache, r.Headers.CacheControl.Private)));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(200, "Cache-Control: no-store")]
    [InlineData(200, "Cache-Control: private, max-age=60, no-store")]
    [InlineData(200, "Cache-Control: public, max-age=60, no-cache")]
    [InlineData(200, "Cache-Control: max-age=60")]
    [InlineData(200, "Cache-Control: private, max-age=0")]
    [InlineData(200, "Cache-Control: private, max-age=60", "Set-Cookie: session=1")]
    [InlineData(200, "Cache-Control: private, max-age=60", "Vary: Accept-Language")]
    [InlineData(200, "Cache-Control: private, max-age=60", "Content-Encoding: identity")]
    [InlineData(404, "Cache-Control: public, max-age=60")]
    public async Task An_answer_not_marked_storable_is_never_served_from_the_cache(int status, params string[] headers)
    {
        var user = await stack.NewUserAsync();
        var url = Url(null, headers) + $"&status={status}";

        var served = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var (response, echo) = await user.Client.GetEchoAsync(url);
            Assert.NotEqual("HIT", response.CacheStatus());
            served.Add(echo.Served);
        }

        Assert.Equal(3, served.Distinct().Count());
    }

    [Fact]
    public async Task An_answer_read_before_an_eviction_of_its_tag_is_never_served_after_it()
    {
        var user = await stack.NewUserAsync();
        var tag = NewTag();
        var slowUrl = Url(null, Private(), Tags(tag)) + "&delayMs=1500";

        // The lookup (and its asOf) happens at once; the service answers 1.5 s later, after the eviction.
        var slowRead = user.Client.GetEchoAsync(slowUrl);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        (await user.Client.PostAsync(Url(null, Invalidates(tag)), null)).EnsureSuccessStatusCode();
        var (stored, _) = await slowRead;
        Assert.Equal("MISS", stored.CacheStatus());

        Assert.Equal("MISS", (await user.Client.GetEchoAsync(slowUrl)).Response.CacheStatus());
        Assert.Equal("HIT", (await user.Client.GetEchoAsync(slowUrl)).Response.CacheStatus());
    }

    [Theory]
    [InlineData(2)] // its own max-age
    [InlineData(3600)] // the gateway's ceiling
    public async Task An_entry_lives_for_its_max_age_at_most_the_configured_ceiling(int maxAge)
    {
        var ceiling = TimeSpan.FromSeconds(3);
        using var client = stack.ThroughGatewayWithCeiling(await stack.NewUserAsync(), ceiling);
        var url = Url(null, Private(maxAge), Tags(NewTag()));
        var lifetime = TimeSpan.FromSeconds(Math.Min(maxAge, ceiling.TotalSeconds));

        await client.GetEchoAsync(url);
        var storedAt = DateTime.UtcNow;
        Assert.Equal("HIT", (await client.GetEchoAsync(url)).Response.CacheStatus());
        await Task.Delay(storedAt + lifetime + TimeSpan.FromMilliseconds(300) - DateTime.UtcNow);

        Assert.Equal("MISS", (await client.GetEchoAsync(url)).Response.CacheStatus());
    }

    [Fact]
    public async Task After_an_unmarked_answer_a_path_shape_skips_the_lookup_until_one_of_its_answers_is_marked_again()
    {
        var user = await stack.NewUserAsync();
        var area = $"shape-{Guid.NewGuid():N}";
        var cached = Url($"{area}/{Guid.NewGuid()}", Private(), Tags(NewTag()));
        await user.Client.GetEchoAsync(cached);
        Assert.Equal("HIT", (await user.Client.GetEchoAsync(cached)).Response.CacheStatus());

        // Another id of the same shape answers unmarked: the next reads of the shape go straight to the service.
        Assert.Null((await user.Client.GetEchoAsync(Url($"{area}/{Guid.NewGuid()}"))).Response.CacheStatus());
        var skipped = await user.Client.GetEchoAsync(cached);

        Assert.Equal("MISS", skipped.Response.CacheStatus());
        Assert.Equal("HIT", (await user.Client.GetEchoAsync(cached)).Response.CacheStatus());
    }

    [Fact]
    public async Task Every_key_of_the_cache_hashes_to_one_redis_cluster_slot()
    {
        var store = stack.Gateway.Services.GetRequiredService<ResponseCacheStore>();
        var redis = stack.Gateway.Services.GetRequiredService<GatewayRedis>().Multiplexer!;
        string[] keys =
        [
            store.EntryKey(CacheScope.Public, "/api/any/a?b=c", null),
            store.EntryKey(CacheScope.Private, "/api/any/{x}", Guid.NewGuid().ToString()),
            store.MarkKey(NewTag()),
            store.MarkKey(ResponseCacheStore.EverythingTag),
        ];

        Assert.Single(keys.Select(key => redis.HashSlot(key)).Distinct());
    }

    private async Task PublishAsync(CacheTagsInvalidated invalidated)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stack.Gateway.Services.GetRequiredService<IBus>().Publish(invalidated, timeout.Token);
    }
}
