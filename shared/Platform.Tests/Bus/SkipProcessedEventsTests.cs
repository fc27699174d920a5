using System.Collections.Concurrent;
using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.Testing;

namespace Tripmate.Platform.Tests.Bus;

/// <summary>The shared bus setup drops an event a consumer already handled, per consumer, on the real broker.</summary>
public sealed class SkipProcessedEventsTests
{
    [Fact]
    public async Task A_redelivered_event_reaches_each_consumer_once_and_every_service_still_gets_its_copy()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var filesStore = new RememberedEvents();
        var socialStore = new RememberedEvents();
        await using var files = await BusHost.StartAsync($"files-{run}", bus => bus.AddConsumer<UserDeletedRecorder>(), filesStore);
        await using var social = await BusHost.StartAsync($"social-{run}", bus => bus.AddConsumer<UserDeletedRecorder>(), socialStore);
        var deleted = new UserDeleted(Guid.NewGuid());
        var marker = new UserDeleted(Guid.NewGuid());

        await files.Bus.Publish(deleted, context => context.MessageId = deleted.EventId);
        await WaitForAsync(files, deleted.EventId);
        await files.Bus.Publish(deleted, context => context.MessageId = deleted.EventId); // the redelivery
        await files.Bus.Publish(marker, context => context.MessageId = marker.EventId);

        foreach (var host in new[] { files, social })
        {
            await WaitForAsync(host, marker.EventId);
            Assert.Equal(1, host.Received.Counts[deleted.EventId]);
        }

        Assert.Single(filesStore.Keys, key => key.EventId == deleted.EventId);
    }

    /// <summary>The test of the test: without a record of processed events the redelivery is consumed again.</summary>
    [Fact]
    public async Task Without_a_processed_event_store_the_redelivery_is_consumed_again()
    {
        await using var host = await BusHost.StartAsync($"nostore-{Guid.NewGuid().ToString("N")[..8]}", bus => bus.AddConsumer<UserDeletedRecorder>());
        var deleted = new UserDeleted(Guid.NewGuid());

        await host.Bus.Publish(deleted, context => context.MessageId = deleted.EventId);
        await host.Bus.Publish(deleted, context => context.MessageId = deleted.EventId);

        await Eventually.WaitForAsync(() => Task.FromResult(host.Received.Counts.GetValueOrDefault(deleted.EventId)),
            count => count == 2, TimeSpan.FromSeconds(30), "the event twice");
    }

    /// <summary>
    /// A consumer idempotent by itself skips the shared de-duplication: the store is never asked
    /// (no round trips), and a redelivery reaches it again, which it absorbs by its own keys.
    /// </summary>
    [Fact]
    public async Task An_idempotent_consumer_costs_the_store_nothing_and_receives_the_redelivery()
    {
        var store = new RememberedEvents();
        await using var host = await BusHost.StartAsync($"idem-{Guid.NewGuid().ToString("N")[..8]}",
            bus => bus.AddConsumer<IdempotentUserDeletedRecorder>(), store);
        var deleted = new UserDeleted(Guid.NewGuid());

        await host.Bus.Publish(deleted, context => context.MessageId = deleted.EventId);
        await host.Bus.Publish(deleted, context => context.MessageId = deleted.EventId);

        await Eventually.WaitForAsync(() => Task.FromResult(host.Received.Counts.GetValueOrDefault(deleted.EventId)),
            count => count == 2, TimeSpan.FromSeconds(30), "the event twice");
        Assert.Empty(store.Keys);
        Assert.Equal(0, store.Lookups);
    }

    private static Task WaitForAsync(BusHost host, Guid eventId) =>
        Eventually.WaitForAsync(() => Task.FromResult(host.Received.Counts.ContainsKey(eventId)), seen => seen, TimeSpan.FromSeconds(30), $"event {eventId}");

    /// <summary>The simplest store of processed events (a service keeps them in its own database).</summary>
    private sealed class RememberedEvents : IProcessedEventStore
    {
        private readonly ConcurrentDictionary<(string Consumer, Guid EventId), bool> _handled = new();

        public ICollection<(string Consumer, Guid EventId)> Keys => _handled.Keys;

        public int Lookups { get; private set; }

        public Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct)
        {
            Lookups++;
            return Task.FromResult(_handled.ContainsKey((consumer, eventId)));
        }

        public Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct)
        {
            _handled[(consumer, eventId)] = true;
            return Task.CompletedTask;
        }
    }
}

/// <summary>Records like <see cref="UserDeletedRecorder"/>, and says it is idempotent by itself.</summary>
[IdempotentConsumer]
public sealed class IdempotentUserDeletedRecorder(ReceivedEvents received) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context)
    {
        received.Add(context.Message.EventId);
        return Task.CompletedTask;
    }
}
