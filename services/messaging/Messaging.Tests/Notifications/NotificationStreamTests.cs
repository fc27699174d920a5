using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Messaging.Notifications;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;
using Xunit.Abstractions;

namespace Tripmate.Messaging.Tests.Notifications;

/// <summary>The live stream, with the sender on one instance and the reader on another.</summary>
public sealed class NotificationStreamTests(TwoInstances instances, EventPublisher events, ITestOutputHelper output)
    : IClassFixture<TwoInstances>, IClassFixture<EventPublisher>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stream_on_one_instance_gets_a_message_sent_on_the_other_within_a_second()
    {
        var (adaOnA, _) = instances.NewUser();
        var (_, bobOnB) = instances.NewUser();
        var conversation = await adaOnA.OpenDirectAsync(bobOnB.Id);
        await using var stream = await ServerSentEventsClient.ConnectAsync(bobOnB.Client);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        // The first send also declares exchanges and warms connections; the second is the one measured.
        await adaOnA.SendAsync(conversation.Id, "warm-up");
        await stream.NextEventAsync(Generous);
        var clock = Stopwatch.StartNew();
        var sent = await adaOnA.SendAsync(conversation.Id, "boarding now");
        var received = await stream.NextEventAsync(Generous);
        clock.Stop();
        output.WriteLine($"Sent on A, received on B's stream after {clock.Elapsed.TotalMilliseconds:F1} ms (send request included).");

        var notification = JsonSerializer.Deserialize<NotificationDto>(received.Data, JsonSerializerOptions.Web)!;
        Assert.Equal(("notification", notification.Id.ToString()), (received.Type, received.Id));
        Assert.Equal(("boarding now", sent.Id.ToString()), (notification.Text, notification.Data["messageId"]));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The notification took {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task A_reconnecting_stream_gets_what_it_missed_then_live_ones_each_once()
    {
        var (adaOnA, _) = instances.NewUser();
        var (bobOnA, bobOnB) = instances.NewUser();
        var conversation = await adaOnA.OpenDirectAsync(bobOnB.Id);
        string lastId;
        await using (var first = await ServerSentEventsClient.ConnectAsync(bobOnB.Client))
        {
            await adaOnA.SendAsync(conversation.Id, "one");
            lastId = (await first.NextEventAsync(Generous)).Id!;
        }

        await adaOnA.SendAsync(conversation.Id, "two");
        await adaOnA.SendAsync(conversation.Id, "three");
        await bobOnA.WaitForNotificationsAsync(items => items.Count == 3, "the missed notifications to be stored");
        await using var resumed = await ServerSentEventsClient.ConnectAsync(bobOnA.Client, lastEventId: lastId);
        await adaOnA.SendAsync(conversation.Id, "four");

        var texts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            texts.Add(JsonSerializer.Deserialize<NotificationDto>((await resumed.NextEventAsync(Generous)).Data, JsonSerializerOptions.Web)!.Text);
        }

        Assert.Equal(["two", "three", "four"], texts);
        Assert.True(await resumed.StaysQuietAsync(TimeSpan.FromMilliseconds(500)), "No notification is sent twice.");
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeats_and_a_closed_one_is_forgotten()
    {
        var (_, bobOnB) = instances.NewUser();
        var hub = instances.B.Services.GetRequiredService<NotificationHub>();
        await Eventually.WaitForAsync(() => Task.FromResult(hub.Count), count => count == 0, Generous, "earlier tests' streams to close");

        await using (var stream = await ServerSentEventsClient.ConnectAsync(bobOnB.Client))
        {
            Assert.Equal("heartbeat", await stream.NextCommentAsync(MessagingApp.HeartbeatInterval * 20));
            Assert.Equal("heartbeat", await stream.NextCommentAsync(MessagingApp.HeartbeatInterval * 20));
            Assert.Equal(1, hub.Count);
        }

        await Eventually.WaitForAsync(() => Task.FromResult(hub.Count), count => count == 0, Generous, "the stream to be unsubscribed");
    }

    /// <summary>A redelivered fan-out event (or a consumer retried after storing) reaches the stream again; the client sees it once.</summary>
    [Fact]
    public async Task A_notification_announced_twice_is_streamed_once()
    {
        var (bobOnA, bobOnB) = instances.NewUser();
        await using var stream = await ServerSentEventsClient.ConnectAsync(bobOnB.Client);
        var twice = NewNotification(bobOnA.Id, "twice");
        var marker = NewNotification(bobOnA.Id, "marker");

        await events.PublishAsync(NotificationCreated.From(twice));
        await events.PublishAsync(NotificationCreated.From(twice));
        await events.PublishAsync(NotificationCreated.From(marker));

        var ids = new List<string?>();
        while (!ids.Contains(marker.Id.ToString()))
        {
            ids.Add((await stream.NextEventAsync(Generous)).Id);
        }

        Assert.True(await stream.StaysQuietAsync(TimeSpan.FromMilliseconds(300)), "Nothing comes after the marker.");
        Assert.Single(ids, id => id == twice.Id.ToString());
    }

    private static Notification NewNotification(Guid userId, string text)
    {
        var now = DateTimeOffset.UtcNow;
        return new Notification(userId, TimeUuid.NewId(now), "test", text, new Dictionary<string, string>(), now);
    }

    [Fact]
    public async Task One_user_holds_a_bounded_number_of_streams_per_instance()
    {
        var (_, bobOnB) = instances.NewUser();
        var streams = new List<ServerSentEventsClient>();
        try
        {
            for (var i = 0; i < MessagingApp.MaxStreamsPerUser; i++)
            {
                streams.Add(await ServerSentEventsClient.ConnectAsync(bobOnB.Client));
            }

            var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
            await (await bobOnB.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_stream_ends_when_its_token_expires()
    {
        var userId = Guid.CreateVersion7();
        var client = instances.B.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(userId, lifetime: TimeSpan.FromSeconds(3)));

        await using var stream = await ServerSentEventsClient.ConnectAsync(client);

        await stream.WaitForEndAsync(Generous);
    }

    [Fact]
    public async Task A_last_event_id_that_no_stream_sent_is_a_validation_problem()
    {
        var (_, bobOnB) = instances.NewUser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        var response = await bobOnB.Client.SendAsync(request);

        await response.AssertValidationProblemAsync("Last-Event-ID");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
