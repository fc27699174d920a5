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
    private ServiceProcess? _messaging;
    private ServiceProcess? _socialGraph;
    private ServiceProcess? _files;

    public ServiceProcess Messaging => _messaging!;

    public ServiceProcess SocialGraph => _socialGraph!;

    public ServiceProcess Files => _files!;

    protected override async Task StartBackendsAsync()
    {
        // Files first: messaging asks it about attachments (Files__Url).
        _files = await StartServiceAsync(ServiceBuild.Files, "Files", "files", new Dictionary<string, string>
        {
            ["S3__ServiceUrl"] = TestServers.S3,
            ["S3__Bucket"] = TestServers.S3Bucket, // this test project's bucket: every file has a key of its own
            ["S3__AccessKey"] = TestServers.S3AccessKey,
            ["S3__SecretKey"] = TestServers.S3SecretKey,
        });
        _messaging = await StartServiceAsync(ServiceBuild.Messaging, "Messaging", "messaging",
            new Dictionary<string, string> { ["Files__Url"] = _files.BaseAddress.ToString() });
        _socialGraph = await StartServiceAsync(ServiceBuild.SocialGraph, "SocialGraph", "social-graph");
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
    }
}
