using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.Testing;

namespace Tripmate.Platform.Tests.Bus;

/// <summary>A process-like host with nothing but the shared bus setup, as a service would call it.</summary>
internal sealed class BusHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BusHost(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public ReceivedEvents Received => _host.Services.GetRequiredService<ReceivedEvents>();

    /// <param name="processed">The service's record of handled events, when it keeps one.</param>
    public static async Task<BusHost> StartAsync(
        string serviceName, Action<IBusRegistrationConfigurator>? consumers = null, IProcessedEventStore? processed = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq;
        builder.Services.AddSingleton<ReceivedEvents>();
        if (processed is not null)
        {
            builder.Services.AddSingleton(processed);
        }

        builder.AddMessageBus(serviceName, consumers);
        var host = builder.Build();
        await host.StartAsync();
        // Start returns once the bus is connected and its queues are bound, so nothing published after is missed.
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new BusHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Event ids a host's consumers saw, with how often.</summary>
public sealed class ReceivedEvents
{
    public ConcurrentDictionary<Guid, int> Counts { get; } = new();

    public void Add(Guid eventId) => Counts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
}
