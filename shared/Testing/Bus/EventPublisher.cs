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

    public async Task InitializeAsync()
    {
        var broker = new Uri(TestServers.RabbitMq);
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker, host =>
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
