using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>One stack for every end-to-end class: three service processes are too many to start per class on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class MessagingStackCollection : ICollectionFixture<MessagingStack>
{
    public const string Name = "Gateway with identity and two messaging instances";
}

/// <summary>
/// The gateway in front of real identity and two real messaging processes. The messaging instances
/// share one SQLite directory and one set of queues (as production instances do) under a prefix of
/// this stack's own, and validate tokens with the keys identity publishes.
/// </summary>
public sealed class MessagingStack() : GatewayStack(identityInstances: 1)
{
    public const int MessagingInstances = 2;

    private readonly List<ServiceProcess> _messaging = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tripmate-gateway-messaging-").FullName;
    private readonly string _endpointPrefix = $"messaging-e2e-{Guid.NewGuid().ToString("N")[..12]}";

    public IReadOnlyList<ServiceProcess> Messaging => _messaging;

    protected override async Task StartBackendsAsync()
    {
        // One after the other: the first creates the store's schema, the second joins it.
        for (var i = 0; i < MessagingInstances; i++)
        {
            var instance = await ServiceProcess.StartAsync(ServiceBuild.Messaging, new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
                ["Messaging__DataDirectory"] = _dataDirectory,
                ["MessageBus__QueuePrefix"] = _endpointPrefix,
                ["Auth__Issuer"] = Issuer,
                ["Auth__Authority"] = Identity[0].BaseAddress.ToString().TrimEnd('/'),
                ["Auth__RequireHttpsMetadata"] = "false",
                // No files service in this stack (AllServicesStack has one): messaging requires the
                // address, and an attachment sent here is refused as files does not answer (503).
                ["Files__Url"] = "http://127.0.0.1:9/",
            });
            _messaging.Add(instance);
            await WaitUntilHealthyAsync(instance);
        }
    }

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        for (var i = 0; i < _messaging.Count; i++)
        {
            settings[$"ReverseProxy:Clusters:messaging:Destinations:messaging-{i}:Address"] = _messaging[i].BaseAddress.ToString();
        }
    }

    /// <summary>A client that goes to one messaging instance directly, bypassing the gateway.</summary>
    public HttpClient DirectToMessaging(int instance, TestUser user)
    {
        var client = new HttpClient { BaseAddress = _messaging[instance].BaseAddress };
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        return client;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var instance in _messaging)
        {
            await instance.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>
    /// Ready (200) includes Degraded; Healthy means the bus's queues are bound too. An event
    /// published before that finds no queue, and the broker drops it.
    /// </summary>
    private static async Task WaitUntilHealthyAsync(ServiceProcess instance)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress };
        await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync("/health/ready");
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
            },
            status => status == "Healthy", TimeSpan.FromSeconds(60), $"{instance}, its store and its bus to be healthy");
    }
}
