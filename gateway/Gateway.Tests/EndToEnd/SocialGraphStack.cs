using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class SocialGraphStackCollection : ICollectionFixture<SocialGraphStack>
{
    public const string Name = "Gateway with identity, messaging and social-graph";
}

/// <summary>
/// The gateway in front of real identity, messaging and social-graph processes on the real
/// RabbitMQ, each with stores and queues of this stack's own: what a block must hold across.
/// </summary>
public sealed class SocialGraphStack() : GatewayStack(identityInstances: 1)
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tripmate-gateway-social-").FullName;
    private readonly string _queuePrefix = $"e2e-{Guid.NewGuid().ToString("N")[..12]}";
    private ServiceProcess? _messaging;
    private ServiceProcess? _socialGraph;

    protected override async Task StartBackendsAsync()
    {
        _messaging = await StartAsync(ServiceBuild.Messaging, "Messaging", "messaging");
        _socialGraph = await StartAsync(ServiceBuild.SocialGraph, "SocialGraph", "social-graph");
    }

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["ReverseProxy:Clusters:messaging:Destinations:messaging-0:Address"] = _messaging!.BaseAddress.ToString();
        settings["ReverseProxy:Clusters:social-graph:Destinations:social-graph-0:Address"] = _socialGraph!.BaseAddress.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var service in new[] { _messaging, _socialGraph })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<ServiceProcess> StartAsync(string dll, string section, string name)
    {
        var service = await ServiceProcess.StartAsync(dll, new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            [$"{section}__Store"] = "Embedded",
            [$"{section}__DataDirectory"] = Path.Combine(_dataDirectory, name),
            ["MessageBus__QueuePrefix"] = $"{_queuePrefix}-{name}",
            ["Auth__Issuer"] = Issuer,
            ["Auth__Authority"] = Identity[0].BaseAddress.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
        });
        // Healthy, not just ready: an event published before the queues are bound would be dropped.
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync("/health/ready");
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
            },
            status => status == "Healthy", TimeSpan.FromSeconds(60), $"{service} to be healthy");
        return service;
    }
}
