using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Hardening;

/// <summary>Small limits; the test client (127.0.0.1) plays the ingress, which only the second gateway trusts.</summary>
public sealed class TrustedProxyStack() : GatewayStack(identityInstances: 1)
{
    public const int StrictLimit = 2;
    public const int GeneralLimit = 4;

    public GatewayApp BehindIngress { get; private set; } = null!;

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["RateLimiting:Strict:PermitLimit"] = StrictLimit.ToString();
        settings["RateLimiting:Strict:Window"] = "00:05:00";
        settings["RateLimiting:General:PermitLimit"] = GeneralLimit.ToString();
        settings["RateLimiting:General:Window"] = "00:05:00";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BehindIngress = StartGateway(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1",
            // Its own counters, so the two gateways' tests do not spend each other's limits.
            ["RateLimiting:KeyPrefix"] = $"gw-ingress-{Guid.NewGuid():N}",
        });
    }
}

public sealed class TrustedProxyAndDocsTests(TrustedProxyStack stack) : IClassFixture<TrustedProxyStack>
{
    // Redis fails open when it does not answer in time, so a busy machine may let one extra request
    // through: each test first drives its bucket until it refuses, then asks the discriminating question.
    [Fact]
    public async Task Behind_a_trusted_ingress_each_client_address_has_its_own_login_limit()
    {
        using var client = stack.BehindIngress.Anonymous();

        Assert.True(await ExhaustAsync(client, "203.0.113.10"), "The first client's limit was never reached.");
        var other = await LoginsFromAsync(client, "203.0.113.20", 1);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, other[0]);
    }

    [Fact]
    public async Task From_an_untrusted_address_a_forwarded_header_changes_nothing()
    {
        using var client = stack.Gateway.Anonymous();

        Assert.True(await ExhaustAsync(client, "198.51.100.10"), "The limit was never reached.");

        // Every "new client" shares the exhausted bucket of the connection's own address.
        for (var i = 20; i < 23; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginsFromAsync(client, $"198.51.100.{i}", 1))[0]);
        }
    }

    [Fact]
    public async Task Documents_are_served_from_a_short_cache_and_are_rate_limited()
    {
        using var client = stack.BehindIngress.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.77");
        var statuses = new List<HttpStatusCode>();
        while (statuses.Count < TrustedProxyStack.GeneralLimit + 5 && statuses.LastOrDefault() != HttpStatusCode.TooManyRequests)
        {
            statuses.Add((await client.GetAsync("/openapi/identity.json")).StatusCode);
        }

        Assert.All(statuses[..TrustedProxyStack.GeneralLimit], status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var served = stack.Identity[0].Log.Split('\n').Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("/openapi/v1.json", StringComparison.Ordinal));
        Assert.True(served <= 1, $"identity built its document {served} times for {statuses.Count} requests.");
    }

    /// <summary>Logs in from <paramref name="address"/> until refused (true) or clearly never (false).</summary>
    private static async Task<bool> ExhaustAsync(HttpClient client, string address)
    {
        for (var i = 0; i < TrustedProxyStack.StrictLimit + 10; i++)
        {
            if ((await LoginsFromAsync(client, address, 1))[0] == HttpStatusCode.TooManyRequests)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<List<HttpStatusCode>> LoginsFromAsync(HttpClient client, string address, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { email = "nobody@example.test", password = "wrong password" }),
            };
            request.Headers.Add("X-Forwarded-For", address);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
