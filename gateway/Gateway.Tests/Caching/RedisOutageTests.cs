using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>
/// A gateway on a Redis of its own (its test stops it) with a small rate limit, to show that the
/// limit is not enforced (fails open) while Redis is away.
/// </summary>
public sealed class RedisOutageStack() : GatewayStack(identityInstances: 1)
{
    public const int GeneralLimit = 10;

    public PrivateServers Servers { get; } = new();

    public override async Task InitializeAsync()
    {
        await Servers.StartAsync("redis");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Servers.DisposeAsync();
    }

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Redis"] = Servers.Redis;
        settings["RateLimiting:General:PermitLimit"] = GeneralLimit.ToString();
    }
}

/// <summary>Stops its own Redis mid-test; every other test keeps the shared one.</summary>
public sealed class RedisOutageTests(RedisOutageStack stack) : IClassFixture<RedisOutageStack>
{
    [Fact]
    public async Task Without_redis_the_gateway_serves_uncached_and_degraded_then_caching_resumes_by_itself()
    {
        var owner = await stack.NewUserAsync();
        var reader = await stack.NewUserAsync();
        var profile = $"/api/users/{owner.Id}";
        await reader.WarmAsync(profile);
        Assert.Equal("Healthy", await RedisCheckAsync());

        await stack.Servers.StopAsync("redis");
        try
        {
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 2 * RedisOutageStack.GeneralLimit; i++)
            {
                var timer = Stopwatch.StartNew();
                var response = await reader.Client.GetAsync(profile);
                slowest = timer.Elapsed > slowest ? timer.Elapsed : slowest;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode); // beyond the limit too: rate limits fail open
                Assert.Equal("MISS", response.CacheStatus());
            }

            // Not a speed measurement: a request that queued for Redis would wait its 5 s default timeout.
            Assert.True(slowest < TimeSpan.FromSeconds(3), $"A request took {slowest.TotalMilliseconds:0} ms while Redis was down.");
            var patch = await owner.Client.PatchAsJsonAsync("/api/users/me", new { bio = "Written while Redis was away" });
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            Assert.Equal("Degraded", await RedisCheckAsync());
            var ready = await stack.Anonymous().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await stack.Servers.StartAsync("redis");
        }

        await Eventually.WaitForAsync(RedisCheckAsync, status => status == "Healthy", TimeSpan.FromSeconds(30), "the redis check to recover");
        await reader.WarmAsync(profile);
        var cached = await reader.Client.GetFromJsonAsync<Profile>(profile);
        Assert.Equal("Written while Redis was away", cached!.Bio);

        var limited = await stack.NewUserAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RedisOutageStack.GeneralLimit; i++)
        {
            statuses.Add((await limited.Client.GetAsync("/api/users/me")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>Health details are for the operator port alone; everyone else gets the status.</summary>
    private async Task<string?> RedisCheckAsync()
    {
        using var operatorClient = stack.Gateway.Operator();
        using var health = await operatorClient.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "redis")
            .GetProperty("status").GetString();
    }
}
