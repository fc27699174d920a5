using MassTransit;
using Tripmate.Contracts;
using Xunit;

namespace Tripmate.Testing.Bus;

/// <summary>
/// Publishes events to the real RabbitMQ the way the outbox relay does (the event id is the
/// message id), so a test can stand in for another service, and can publish the same event twice
/// to play a redelivery.
/// </summary>
public sealed class EventPublisher : IAsyncLifetime
{
    private IBusControl? _bus;
    private string? _broker;

    /// <summary>A publisher on another broker than the test servers' (a fixture's private one); start it with <see cref="InitializeAsync"/>.</summary>
    public static EventPublisher On(string broker) => new() { _broker = broker };

    public async Task InitializeAsync()
    {
        var uri = new Uri(_broker ?? TestServers.RabbitMq);
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(uri, host =>
        {
            host.Username("guest");
            host.Password("guest");
            host.PublisherConfirmation = true;
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StartAsync(timeout.Token);
    }

    /// <summary>Published as its own type (not as the static type of the argument), as the relay does.</summary>
    public async Task PublishAsync(IntegrationEvent integrationEvent)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus!.Publish(integrationEvent, integrationEvent.GetType(), context => context.MessageId = integrationEvent.EventId, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }
}
