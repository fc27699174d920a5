using Tripmate.Contracts;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;
using Tripmate.Outbox;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>The store's outbox: events are committed with their change, leased by one relay at a time, and marked off.</summary>
public abstract partial class MessagingStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_change_and_its_events_are_committed_together_and_a_repeat_records_nothing_more()
    {
        await StartAsync();
        await DrainOutboxAsync();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(alice, bob);
        var message = NewMessage(conversation, alice, T0.AddSeconds(1));
        var announced = new UserDeleted(Guid.NewGuid()); // any event: the store does not read them

        await Messages.AppendAsync(message, [alice, bob], [announced], Ct);
        await Messages.AppendAsync(message, [alice, bob], [new UserDeleted(Guid.NewGuid())], Ct); // a retry of the same send

        var pending = await Outbox.LeaseAsync(100, Lease, Ct);
        var leased = Assert.Single(pending);
        var expected = OutboxEnvelope.From(announced);
        Assert.Equal((expected.MessageId, expected.MessageType, expected.Payload), (leased.Event.MessageId, leased.Event.MessageType, leased.Event.Payload));
        Assert.Equal(announced.OccurredAt.ToUnixTimeMilliseconds(), leased.Event.OccurredAt.ToUnixTimeMilliseconds());
        await Outbox.MarkSentAsync(pending, Ct);
    }

    [SkippableFact]
    public async Task A_change_that_changes_nothing_records_no_event()
    {
        await StartAsync();
        await DrainOutboxAsync();
        var conversation = await NewConversationAsync(Guid.NewGuid());

        Assert.False(await Messages.EditAsync(conversation, TimeUuid.NewId(T0), "nothing there", T0, [new UserDeleted(Guid.NewGuid())], Ct));

        Assert.Empty(await Outbox.LeaseAsync(100, Lease, Ct));
    }

    [SkippableFact]
    public async Task Leased_events_are_not_leased_again_until_released_and_sent_ones_never()
    {
        await StartAsync();
        await DrainOutboxAsync();
        var user = Guid.NewGuid();
        var events = Enumerable.Range(0, 5).Select(i => (IntegrationEvent)new UserDeleted(Guid.NewGuid())).ToList();
        foreach (var e in events)
        {
            await Notifications.AddAsync(new Notification(user, TimeUuid.NewId(T0.AddSeconds(events.IndexOf(e))), "t", "x", new Dictionary<string, string>(), T0), [e], Ct);
        }

        var first = await Outbox.LeaseAsync(100, Lease, Ct);
        Assert.Equal(events.Select(e => e.EventId).Order(), first.Select(p => p.Event.MessageId).Order());
        Assert.Empty(await Outbox.LeaseAsync(100, Lease, Ct));

        await Outbox.MarkSentAsync(first.Take(3).ToList(), Ct);
        await Outbox.ReleaseAsync(first.Skip(3).ToList(), "broker away", Ct);
        var retried = await Outbox.LeaseAsync(100, Lease, Ct);
        Assert.Equal(first.Skip(3).Select(p => p.Event.MessageId).Order(), retried.Select(p => p.Event.MessageId).Order());

        await Outbox.ParkAsync(retried[0], "unknown type", Ct);
        await Outbox.MarkSentAsync(retried.Skip(1).ToList(), Ct);
        Assert.Empty(await Outbox.LeaseAsync(100, Lease, Ct));
    }

    [SkippableFact]
    public async Task A_consumer_remembers_the_events_it_handled_and_only_its_own()
    {
        await StartAsync();
        var eventId = Guid.NewGuid();

        Assert.False(await ProcessedEvents.IsProcessedAsync("messaging-user-deleted", eventId, Ct));
        await ProcessedEvents.MarkProcessedAsync("messaging-user-deleted", eventId, Ct);
        await ProcessedEvents.MarkProcessedAsync("messaging-user-deleted", eventId, Ct);

        Assert.True(await ProcessedEvents.IsProcessedAsync("messaging-user-deleted", eventId, Ct));
        Assert.False(await ProcessedEvents.IsProcessedAsync("messaging-group-deleted", eventId, Ct));
    }

    /// <summary>A shared Cassandra keyspace holds other tests' events too: take them out of the way first.</summary>
    private async Task DrainOutboxAsync()
    {
        for (var batch = await Outbox.LeaseAsync(1000, Lease, Ct); batch.Count > 0; batch = await Outbox.LeaseAsync(1000, Lease, Ct))
        {
            await Outbox.MarkSentAsync(batch, Ct);
        }
    }
}
