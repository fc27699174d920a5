using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.RateLimiting;

public sealed class RateLimitTests(RateLimitStack stack) : IClassFixture<RateLimitStack>
{
    [Fact]
    public async Task The_request_after_the_limit_gets_429_problem_details_with_retry_after()
    {
        var user = await stack.NewUserDirectlyAsync();
        for (var i = 0; i < RateLimitStack.GeneralLimit; i++)
        {
            var allowed = await user.Client.GetAsync("/api/users/me");
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
        }

        var rejected = await user.Client.GetAsync("/api/users/me");

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.Title);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Two_gateway_instances_share_one_count()
    {
        var user = await stack.NewUserDirectlyAsync();
        using var second = stack.SecondGateway.Anonymous();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        var gateways = new[] { user.Client, second };

        for (var i = 0; i < RateLimitStack.GeneralLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await gateways[i % 2].GetAsync("/api/users/me")).StatusCode);
        }

        // Each instance has seen fewer requests than the limit; only a shared count refuses this one.
        var rejected = await gateways[RateLimitStack.GeneralLimit % 2].GetAsync("/api/users/me");
        await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Users_are_counted_separately()
    {
        var busy = await stack.NewUserDirectlyAsync();
        var other = await stack.NewUserDirectlyAsync();
        for (var i = 0; i <= RateLimitStack.GeneralLimit; i++)
        {
            await busy.Client.GetAsync("/api/users/me");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.Client.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_sign_up_have_a_stricter_limit_per_client_address()
    {
        using var anonymous = stack.Anonymous();
        var attempt = new { email = $"nobody{Guid.NewGuid():N}@example.test", password = "not the password" };
        for (var i = 0; i < RateLimitStack.StrictLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", attempt)).StatusCode);
        }

        var login = await anonymous.PostAsJsonAsync("/api/auth/login", attempt);
        var register = await anonymous.PostAsJsonAsync("/api/auth/register",
            new { email = $"new{Guid.NewGuid():N}@example.test", password = "long enough password", displayName = "Too late" });

        await login.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(login.Headers.RetryAfter);
        await register.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Health_and_signing_keys_are_not_limited()
    {
        var user = await stack.NewUserDirectlyAsync();
        for (var i = 0; i <= RateLimitStack.GeneralLimit; i++)
        {
            await user.Client.GetAsync("/api/users/me");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await user.Client.GetAsync("/api/users/me")).StatusCode);
        for (var i = 0; i < 2 * RateLimitStack.GeneralLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/.well-known/jwks.json")).StatusCode);
        }
    }
}
