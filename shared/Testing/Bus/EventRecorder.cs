using System.Collections.Concurrent;
using MassTransit;
using Tripmate.Contracts;

namespace Tripmate.Testing.Bus;

/// <summary>
/// A consumer of a service's events on the real RabbitMQ, with a queue of its own. The queue is
/// durable so that it outlives a broker restart and misses nothing published meanwhile.
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private IBusControl? _bus;

    /// <param name="TraceParent">The W3C trace context the message arrived with (MassTransit's MT-Activity-Id header), null without one.</param>
    public sealed record Received(Guid? MessageId, IntegrationEvent Event, string? TraceParent);

    /// <summary>The event types to record, named on the recorder's receive endpoint.</summary>
    public sealed class Subscriptions(IReceiveEndpointConfigurator endpoint, EventRecorder recorder)
    {
        public Subscriptions Record<T>() where T : IntegrationEvent
        {
            endpoint.Handler<T>(recorder.RecordAsync);
            return this;
        }
    }

    /// <param name="queuePrefix">Starts the queue's name (a fresh id ends it), e.g. <c>identity-tests</c>.</param>
    /// <param name="broker">An AMQP URI; the test servers' broker when null.</param>
    public static async Task<EventRecorder> StartAsync(string queuePrefix, Action<Subscriptions> subscribe, string? broker = null)
    {
        var recorder = new EventRecorder();
        var uri = new Uri(broker ?? TestServers.RabbitMq);
        recorder._bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(uri, host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            rabbit.ReceiveEndpoint($"{queuePrefix}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.Durable = true;
                endpoint.AutoDelete = false;
                subscribe(new Subscriptions(endpoint, recorder));
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await recorder._bus.StartAsync(timeout.Token);
        return recorder;
    }

    private Task RecordAsync<T>(ConsumeContext<T> context) where T : IntegrationEvent
    {
        _received.Enqueue(new Received(context.MessageId, context.Message,
            context.Headers.Get<string>("MT-Activity-Id")));
        return Task.CompletedTask;
    }

    public IReadOnlyList<Received> All => _received.ToList();

    public List<T> Of<T>(Func<T, bool> match) where T : IntegrationEvent => [.. _received.Select(r => r.Event).OfType<T>().Where(match)];

    /// <summary>Waits until <paramref name="count"/> events of type T match, and returns them.</summary>
    public Task<List<T>> WaitForAsync<T>(Func<T, bool> match, int count = 1, TimeSpan? timeout = null) where T : IntegrationEvent =>
        Eventually.WaitForAsync(() => Task.FromResult(Of(match)), found => found.Count >= count, timeout ?? TimeSpan.FromSeconds(15),
            $"{count} {typeof(T).Name} event(s)");

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }
}
