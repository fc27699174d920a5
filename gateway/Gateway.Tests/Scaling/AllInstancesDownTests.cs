using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Scaling;

/// <summary>A stack of its own: the test kills its only identity instance.</summary>
public sealed class SingleInstanceToKillStack() : GatewayStack(identityInstances: 1);

public sealed class AllInstancesDownTests(SingleInstanceToKillStack stack) : IClassFixture<SingleInstanceToKillStack>
{
    [Fact]
    public async Task With_every_instance_down_the_route_answers_503_problem_details_before_and_after_health_checks_notice()
    {
        var user = await stack.NewUserAsync();
        // One signed-in request first: the gateway fetches identity's keys on the first token it sees.
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/users/me")).StatusCode);
        await stack.Identity[0].KillAsync();

        // At once (the connection is refused) and after the probes marked it down (no instance available).
        var first = await user.Client.GetAsync("/api/users/me");
        await first.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(first.Headers.RetryAfter?.Delta > TimeSpan.Zero, "The gateway's own 503 says when to retry.");
        var health = await Tripmate.Testing.Eventually.WaitForAsync(
            () => stack.Anonymous().GetFromJsonAsync<ServicesHealthDto>("/health/services")!,
            h => h!["identity"].Available == 0,
            TimeSpan.FromSeconds(5),
            "the instance to be taken out");
        var later = await user.Client.GetAsync("/api/users/me");

        var problem = await later.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("No instance of the identity service is available.", problem.Detail);
        Assert.True(later.Headers.RetryAfter?.Delta > TimeSpan.Zero, "The gateway's own 503 says when to retry.");
        Assert.Equal("Unhealthy", health!["identity"].Instances[0].Active);
    }
}
