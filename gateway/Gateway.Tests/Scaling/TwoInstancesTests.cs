using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Scaling;

public sealed class TwoIdentityStack() : GatewayStack(identityInstances: 2);

public sealed class TwoInstancesTests(TwoIdentityStack stack) : IClassFixture<TwoIdentityStack>
{
    [Fact]
    public async Task Both_identity_instances_receive_traffic()
    {
        var user = await stack.NewUserAsync();

        for (var i = 0; i < 40; i++)
        {
            var response = await user.Client.GetAsync("/api/users/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Each instance logs a line per request it serves (see GatewayStack), and logs are written asynchronously.
        var served = await Eventually.WaitForAsync(
            () => Task.FromResult(stack.Identity.Select(instance => Regex.Count(instance.Log, "GET http://[^ ]+/api/users/me")).ToList()),
            counts => counts.Sum() >= 40,
            TimeSpan.FromSeconds(10),
            "both instances' request logs");
        Assert.All(served, count => Assert.True(count >= 5, $"Requests per instance: {string.Join(", ", served)}"));
    }

    [Fact]
    public async Task Health_services_lists_every_instance_of_every_service()
    {
        var health = await Eventually.WaitForAsync(
            () => stack.Anonymous().GetFromJsonAsync<ServicesHealthDto>("/health/services")!,
            h => h!["identity"].Instances.All(instance => instance.Active == "Healthy"),
            TimeSpan.FromSeconds(15),
            "both identity instances probed healthy");

        Assert.Equal(["identity-0", "identity-1"], health!["identity"].Instances.Select(instance => instance.Name));
        Assert.Equal(2, health["identity"].Available);
        Assert.Equal(["files", "identity", "messaging", "social-graph"], health.Services.Select(service => service.Name));
        Assert.Empty(health["files"].Instances);
        Assert.DoesNotContain("127.0.0.1", await stack.Anonymous().GetStringAsync("/health/services"));
    }

    [Fact]
    public async Task Outside_development_health_services_needs_a_signed_in_caller()
    {
        var user = await stack.NewUserAsync();
        var strict = stack.StartGateway(new Dictionary<string, string?> { ["Gateway:ServicesHealthAnonymous"] = "false" });
        using var anonymous = strict.Anonymous();
        using var signedIn = strict.Anonymous();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);

        await (await anonymous.GetAsync("/health/services")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/health/services")).StatusCode);
    }
}
