using System.Diagnostics;
using Tripmate.Gateway.Tests.Caching;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;
using Xunit.Abstractions;

namespace Tripmate.Gateway.Tests.EndToEnd;

/// <summary>
/// Issue 5, acceptance 5: a client connected through the gateway receives a notification within
/// 1 second of the message that caused it, with two messaging instances running. Nothing is
/// faked: identity's outbox announces the group, messaging consumes it, notifications cross
/// instances through the broker, and the stream passes through YARP.
/// </summary>
[Collection(MessagingStackCollection.Name)]
public sealed class NotificationStreamThroughGatewayTests(MessagingStack stack, ITestOutputHelper output)
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_stream_through_the_gateway_gets_each_message_within_a_second_whichever_instance_took_it()
    {
        var (ada, bob, group, stream) = await NewGroupWithBobListeningAsync();
        await using var _ = stream;
        var carol = await stack.NewUserAsync();
        await using var outsider = await ServerSentEventsClient.ConnectAsync(carol.Client);

        // Each instance's first send declares its exchange and opens its publish channel; measured
        // are the sends after that, as a user of a running system sees them.
        for (var instance = 0; instance < MessagingStack.MessagingInstances; instance++)
        {
            using var direct = stack.DirectToMessaging(instance, ada);
            var warmUp = await direct.SendAsync(group.Id, $"warm-up {instance}");
            (await stream.NextNotificationAsync()).AssertIsAbout(warmUp);
        }

        // Bob's stream is on one instance; sending to each directly makes at least one cross to the other.
        using var first = stack.DirectToMessaging(0, ada);
        using var second = stack.DirectToMessaging(1, ada);
        foreach (var (via, client) in new[] { ("messaging instance 1", first), ("messaging instance 2", second), ("the gateway", ada.Client) })
        {
            var sinceSent = Stopwatch.StartNew();
            var message = await client.SendAsync(group.Id, $"boarding now, sent via {via}");
            var sinceCreated = Stopwatch.StartNew();
            var notification = await stream.NextNotificationAsync();
            sinceCreated.Stop();
            output.WriteLine($"Sent via {via}: read from Bob's stream {sinceCreated.Elapsed.TotalMilliseconds:F1} ms after the 201, " +
                $"{sinceSent.Elapsed.TotalMilliseconds:F1} ms after the send began.");

            notification.AssertIsAbout(message);
            Assert.True(sinceCreated.Elapsed < Promised,
                $"The notification of a message sent via {via} arrived {sinceCreated.ElapsedMilliseconds} ms after its 201.");
        }

        Assert.True(await outsider.StaysQuietAsync(TimeSpan.FromMilliseconds(500)), "Someone outside the group is told nothing.");
    }

    [Fact]
    public async Task A_stream_resumed_through_the_gateway_with_Last_Event_ID_gets_what_it_missed_once()
    {
        var (ada, bob, group, stream) = await NewGroupWithBobListeningAsync();
        string lastEventId;
        await using (stream)
        {
            var seen = await ada.Client.SendAsync(group.Id, "seen before the tunnel");
            var notification = await stream.NextNotificationAsync();
            notification.AssertIsAbout(seen);
            lastEventId = notification.Id.ToString();
        }

        using var onSecond = stack.DirectToMessaging(1, ada);
        var missed = new[] { await ada.Client.SendAsync(group.Id, "missed one"), await onSecond.SendAsync(group.Id, "missed two") };
        // Both, not just the last: the two sends may be consumed on different instances, in either order.
        await bob.WaitForNotificationsAsync(
            items => missed.All(message => items.Any(item => item.Data.GetValueOrDefault("messageId") == message.Id.ToString())),
            "the missed notifications to be stored");

        await using var resumed = await ServerSentEventsClient.ConnectAsync(bob.Client, lastEventId);
        foreach (var message in missed)
        {
            (await resumed.NextNotificationAsync()).AssertIsAbout(message);
        }

        var live = await ada.Client.SendAsync(group.Id, "live again");
        (await resumed.NextNotificationAsync()).AssertIsAbout(live);
        Assert.True(await resumed.StaysQuietAsync(TimeSpan.FromMilliseconds(500)), "No notification is sent twice.");
    }

    /// <summary>
    /// Ada makes a group and adds Bob, all through the gateway; Bob listens from before he is added,
    /// so the notification of being added is the first event on his stream (and proves the events flow).
    /// </summary>
    private async Task<(TestUser Ada, TestUser Bob, GroupDto Group, ServerSentEventsClient BobsStream)> NewGroupWithBobListeningAsync()
    {
        var ada = await stack.NewUserAsync();
        var bob = await stack.NewUserAsync();
        var stream = await ServerSentEventsClient.ConnectAsync(bob.Client);
        try
        {
            Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
            var group = await ada.CreateGroupAsync();
            await ada.AddMemberAsync(group.Id, bob.Id);

            var added = await stream.NextNotificationAsync();
            Assert.Equal("group-member-added", added.Type);
            Assert.Equal((group.Id.ToString(), group.Id.ToString()), (added.Data["groupId"], added.Data["conversationId"]));
            await ada.WaitForConversationAsync(group.Id);
            return (ada, bob, group, stream);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
