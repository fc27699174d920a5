using System.Collections.Concurrent;
using MassTransit;
using Tripmate.Contracts;
using Tripmate.Contracts.Files;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>
/// The real RabbitMQ as identity and messaging see it: publishes events the way identity's relay
/// does (event id = message id), and collects the files service's events on a queue of its own.
/// </summary>
public sealed class Bus : IAsyncLifetime
{
    private IBusControl? _bus;

    public ConcurrentBag<FileUploaded> Uploaded { get; } = [];

    public ConcurrentBag<FileShared> Shared { get; } = [];

    public ConcurrentBag<FileDeleted> Deleted { get; } = [];

    public async Task InitializeAsync()
    {
        var broker = new Uri(TestServers.RabbitMq);
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker, host =>
            {
                host.Username("guest");
                host.Password("guest");
                host.PublisherConfirmation = true;
            });
            rabbit.ReceiveEndpoint($"files-tests-{Guid.NewGuid():N}", endpoint =>
            {
                // Durable, so it outlives a broker restart (the outage test) and events published
                // before this bus reconnects wait in it; the test run's broker is thrown away after.
                endpoint.Durable = true;
                // Duplicates are kept, not dropped: the tests count them.
                endpoint.Handler<FileUploaded>(context => Add(Uploaded, context.Message));
                endpoint.Handler<FileShared>(context => Add(Shared, context.Message));
                endpoint.Handler<FileDeleted>(context => Add(Deleted, context.Message));
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StartAsync(timeout.Token);
    }

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

    private static Task Add<T>(ConcurrentBag<T> bag, T message)
    {
        bag.Add(message);
        return Task.CompletedTask;
    }
}
