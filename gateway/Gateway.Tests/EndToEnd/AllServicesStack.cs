using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class AllServicesStackCollection : ICollectionFixture<AllServicesStack>
{
    public const string Name = "Gateway with every service";
}

/// <summary>
/// The gateway in front of real identity, messaging, social-graph and files processes on the real
/// RabbitMQ (files on the real S3 server), each with stores and queues of this stack's own: what a
/// block must hold across, and what the fuzz test walks.
/// </summary>
public sealed class AllServicesStack() : GatewayStack(identityInstances: 1)
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tripmate-gateway-social-").FullName;
    private readonly string _queuePrefix = $"e2e-{Guid.NewGuid().ToString("N")[..12]}";
    private ServiceProcess? _messaging;
    private ServiceProcess? _socialGraph;
    private ServiceProcess? _files;

    protected override async Task StartBackendsAsync()
    {
        // Files first: messaging asks it about attachments (Files__Url).
        _files = await StartAsync(ServiceBuild.Files, "Files", "files", new Dictionary<string, string>
        {
            ["S3__ServiceUrl"] = TestServers.S3,
            ["S3__Bucket"] = TestServers.S3Bucket, // this test project's bucket: every file has a key of its own
            ["S3__AccessKey"] = TestServers.S3AccessKey,
            ["S3__SecretKey"] = TestServers.S3SecretKey,
        });
        _messaging = await StartAsync(ServiceBuild.Messaging, "Messaging", "messaging",
            new Dictionary<string, string> { ["Files__Url"] = _files.BaseAddress.ToString() });
        _socialGraph = await StartAsync(ServiceBuild.SocialGraph, "SocialGraph", "social-graph");
    }

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["ReverseProxy:Clusters:messaging:Destinations:messaging-0:Address"] = _messaging!.BaseAddress.ToString();
        settings["ReverseProxy:Clusters:social-graph:Destinations:social-graph-0:Address"] = _socialGraph!.BaseAddress.ToString();
        settings["ReverseProxy:Clusters:files:Destinations:files-0:Address"] = _files!.BaseAddress.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var service in new[] { _messaging, _socialGraph, _files })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<ServiceProcess> StartAsync(string dll, string section, string name, Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            [$"{section}__Store"] = "Embedded",
            [$"{section}__DataDirectory"] = Path.Combine(_dataDirectory, name),
            ["MessageBus__QueuePrefix"] = $"{_queuePrefix}-{name}",
            ["Auth__Issuer"] = Issuer,
            ["Auth__Authority"] = Identity[0].BaseAddress.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        var service = await ServiceProcess.StartAsync(dll, environment);
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
