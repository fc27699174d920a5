using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Testing;

namespace Tripmate.Platform.Tests.Bus;

/// <summary>
/// Every service that consumes an event gets every one of them: the shared bus setup names each
/// consumer's queue for its service, so two services never compete for one queue.
/// </summary>
public sealed class ServiceQueuesTests
{
    private const int Events = 50;

    [Fact]
    public async Task Two_services_consuming_UserDeleted_each_receive_every_event()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var files = await BusHost.StartAsync($"files-{run}", bus => bus.AddConsumer<UserDeletedRecorder>());
        await using var social = await BusHost.StartAsync($"social-graph-{run}", bus => bus.AddConsumer<UserDeletedRecorder>());

        var published = await PublishUserDeletedAsync(files.Bus);

        // Other tests publish UserDeleted too, and every queue bound to it gets them: only ours count.
        await WaitForAllAsync(files, published);
        await WaitForAllAsync(social, published);
    }

    /// <summary>
    /// The test of the test: with the fault the shared setup prevents (two services on one queue
    /// name), the events are split between them, so the assertion above would fail.
    /// </summary>
    [Fact]
    public async Task Two_services_sharing_a_queue_name_would_split_the_events()
    {
        var shared = $"same-name-{Guid.NewGuid().ToString("N")[..8]}";
        await using var first = await BusHost.StartAsync(shared, bus => bus.AddConsumer<UserDeletedRecorder>());
        await using var second = await BusHost.StartAsync(shared, bus => bus.AddConsumer<UserDeletedRecorder>());

        var published = await PublishUserDeletedAsync(first.Bus);

        await Eventually.WaitForAsync(
            () => Task.FromResult(published.Count(id => first.Received.Counts.ContainsKey(id) || second.Received.Counts.ContainsKey(id))),
            seen => seen == Events, TimeSpan.FromSeconds(30), "both consumers together to see every event");
        var seenByBoth = published.Count(id => first.Received.Counts.ContainsKey(id) && second.Received.Counts.ContainsKey(id));
        Assert.Equal(0, seenByBoth); // one queue: each event went to one of them, so neither has all of them
    }

    private static async Task<HashSet<Guid>> PublishUserDeletedAsync(IBus bus)
    {
        var published = new HashSet<Guid>();
        for (var i = 0; i < Events; i++)
        {
            var deleted = new UserDeleted(Guid.NewGuid());
            await bus.Publish(deleted, context => context.MessageId = deleted.EventId);
            published.Add(deleted.EventId);
        }

        return published;
    }

    private static Task WaitForAllAsync(BusHost host, HashSet<Guid> published) =>
        Eventually.WaitForAsync(
            () => Task.FromResult(published.Count(host.Received.Counts.ContainsKey)),
            seen => seen == published.Count, TimeSpan.FromSeconds(30), $"all {published.Count} events");
}

public sealed class UserDeletedRecorder(ReceivedEvents received) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context)
    {
        received.Add(context.Message.EventId);
        return Task.CompletedTask;
    }
}
