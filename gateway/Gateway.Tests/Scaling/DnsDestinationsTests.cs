using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;
using Yarp.ReverseProxy;

namespace Tripmate.Gateway.Tests.Scaling;

public sealed class DnsStack() : GatewayStack(identityInstances: 1, "social-graph");

/// <summary>
/// Deployments (compose, Kubernetes) give each cluster one host name that resolves to every
/// replica; with Gateway:DnsResolver:Enabled the gateway turns each address into a destination.
/// </summary>
public sealed class DnsDestinationsTests(DnsStack stack) : IClassFixture<DnsStack>
{
    [Fact]
    public async Task A_host_name_destination_becomes_one_destination_per_address()
    {
        var echo = stack.Echoes["social-graph"];
        var user = await stack.NewUserAsync();
        var gateway = stack.StartGateway(new Dictionary<string, string?>
        {
            ["Gateway:DnsResolver:Enabled"] = "true",
            ["Gateway:DnsResolver:RefreshPeriod"] = "00:00:02",
            // "localhost" stands for a service name: it resolves to the loopback address(es).
            ["ReverseProxy:Clusters:social-graph:Destinations:social-graph-echo:Address"] = $"http://localhost:{echo.BaseAddress.Port}/",
        });
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();

        var names = await Eventually.WaitForAsync(
            () => Task.FromResult(proxy.TryGetCluster("social-graph", out var cluster)
                ? cluster.Destinations.Keys.Order().ToList()
                : []),
            found => found.Count > 0,
            TimeSpan.FromSeconds(10),
            "the resolved destinations");

        Assert.Contains("social-graph-echo[127.0.0.1]", names);
        Assert.All(names, name => Assert.StartsWith("social-graph-echo[", name));
        using var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        var response = await Eventually.WaitForAsync(
            () => client.GetAsync("/api/relationships/followers"),
            answer => answer.StatusCode != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(10),
            "a healthy resolved destination");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("social-graph", (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!.Service);
    }
}
