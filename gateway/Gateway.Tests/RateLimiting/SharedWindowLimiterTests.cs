using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Tripmate.Gateway.RateLimiting;
using Tripmate.Gateway.Redis;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.RateLimiting;

/// <summary>The shared limit on the real Redis: reserved in chunks, never more than the limit, one Redis call per chunk.</summary>
public sealed class SharedWindowLimiterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _key = $"gw-test:limiter:{Guid.NewGuid():N}";
    private GatewayRedis _redis = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServers.Redis })
            .Build();
        _redis = new GatewayRedis(configuration, Options.Create(new RedisOptions()), NullLogger<GatewayRedis>.Instance);
        await _redis.StartAsync(CancellationToken.None);
        await Eventually.WaitForAsync(() => Task.FromResult(_redis.IsAvailable), up => up, TimeSpan.FromSeconds(10), "Redis");
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Two_instances_taking_turns_grant_exactly_the_limit_together()
    {
        var limit = new FixedWindowLimit { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) };
        RateLimiter[] instances = [Limiter(limit), Limiter(limit)];

        var granted = 0;
        for (var i = 0; i < 100; i++)
        {
            granted += (await instances[i % 2].AcquireAsync()).IsAcquired ? 1 : 0;
        }

        Assert.Equal(100, granted);
        var refused = await instances[0].AcquireAsync();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.Zero, limit.Window);
    }

    [Fact]
    public async Task Many_concurrent_callers_on_several_instances_never_get_more_than_the_limit()
    {
        var limit = new FixedWindowLimit { PermitLimit = 200, Window = TimeSpan.FromMinutes(1) }; // chunks of 10
        var instances = Enumerable.Range(0, 4).Select(_ => Limiter(limit)).ToArray();

        var leases = await Task.WhenAll(Enumerable.Range(0, 800).Select(i => instances[i % 4].AcquireAsync().AsTask()));

        var granted = leases.Count(l => l.IsAcquired);
        Assert.InRange(granted, 200 - (4 * 9), 200); // at worst each instance strands a chunk less one
    }

    [Fact]
    public async Task A_chunk_costs_one_redis_call_and_the_next_window_starts_afresh()
    {
        var limit = new FixedWindowLimit { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }; // chunks of 30
        var limiter = Limiter(limit);

        for (var i = 0; i < 100; i++)
        {
            Assert.True((await limiter.AcquireAsync()).IsAcquired);
        }

        // 100 permits took 4 reservations of 30: 4 calls, where a per-request counter makes 100.
        var window = _clock.GetUtcNow().UtcTicks / limit.Window.Ticks;
        var db = ConnectionMultiplexer.Connect(TestServers.Redis).GetDatabase();
        Assert.Equal(120, (long)await db.StringGetAsync($"{_key}:{window}"));

        _clock.Advance(limit.Window);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.Equal(30, (long)await db.StringGetAsync($"{_key}:{window + 1}"));
    }

    private SharedWindowLimiter Limiter(FixedWindowLimit limit) => new(_key, limit, _redis, _clock);
}
