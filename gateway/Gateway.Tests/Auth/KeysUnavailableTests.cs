using System.Net;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Auth;

/// <summary>A stack of its own: the test kills its only identity instance.</summary>
public sealed class IdentityToKillStack() : GatewayStack(identityInstances: 1);

public sealed class KeysUnavailableTests(IdentityToKillStack stack) : IClassFixture<IdentityToKillStack>
{
    [Fact]
    public async Task A_gateway_that_never_got_identitys_keys_answers_503_not_401_while_identity_is_down()
    {
        var user = await stack.NewUserAsync();
        await stack.Identity[0].KillAsync();
        var fresh = stack.StartGateway();
        using var client = fresh.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);

        var response = await client.GetAsync("/api/users/me");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("signing keys", problem.Detail);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "The gateway's own 503 says when to retry.");
    }
}
