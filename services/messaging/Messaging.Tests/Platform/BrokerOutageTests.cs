using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Platform;

/// <summary>Messaging on a RabbitMQ of its own, which its test stops and restarts, and a publisher on it.</summary>
public sealed class MessagingOnPrivateBroker : MessagingApp
{
    public MessagingOnPrivateBroker() => With("ConnectionStrings:RabbitMq", Servers.RabbitMq);

    public PrivateServers Servers { get; } = new();

    public EventPublisher Events { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Servers.StartAsync("rabbitmq");
        await base.InitializeAsync();
        Events = EventPublisher.On(Servers.RabbitMq);
        await Events.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        await Events.DisposeAsync();
        await base.DisposeResourcesAsync();
        await Servers.DisposeAsync();
    }
}

/// <summary>Stops its own RabbitMQ mid-test; every other test keeps the shared one.</summary>
public sealed class BrokerOutageTests(MessagingOnPrivateBroker app) : IClassFixture<MessagingOnPrivateBroker>
{
    private const int Sends = 20;

    /// <summary>
    /// Platform acceptance 1: sends never wait for the broker (their MessageSent waits in the
    /// store's outbox), and once the broker is back every other member gets each notification
    /// exactly once.
    /// </summary>
    [Fact]
    public async Task Sends_while_the_broker_is_down_are_as_fast_and_every_notification_arrives_once_after_it_returns()
    {
        var (ada, bob, carol) = (app.NewUser(), app.NewUser(), app.NewUser());
        var groupId = await app.Events.NewGroupAsync(ada, bob, carol);
        var warmUp = await app.Events.NewGroupAsync(ada, bob);
        var withBroker = await TimeSendsAsync(ada, warmUp);

        await app.Servers.StopAsync("rabbitmq");
        TimeSpan withoutBroker;
        try
        {
            withoutBroker = await TimeSendsAsync(ada, groupId);
            var stored = await bob.GetPageAsync<MessageDto>($"/api/conversations/{groupId}/messages?limit=100");
            Assert.Equal(Sends, stored.Items.Count);
        }
        finally
        {
            await app.Servers.StartAsync("rabbitmq");
        }

        // Same work either way: a publish wait in the request would cost seconds per send.
        Assert.True(withoutBroker < withBroker * 3 + TimeSpan.FromSeconds(1),
            $"{Sends} sends took {withoutBroker.TotalMilliseconds:0} ms without the broker, {withBroker.TotalMilliseconds:0} ms with it.");
        await Eventually.WaitForAsync(
            async () => JsonDocument.Parse(await app.Anonymous().GetStringAsync("/health/ready")).RootElement.GetProperty("status").GetString(),
            status => status == "Healthy", TimeSpan.FromSeconds(60), "the bus to reconnect");
        foreach (var member in new[] { bob, carol })
        {
            await Eventually.WaitForAsync(() => MessageNotificationsAsync(member, groupId),
                found => found.Count >= Sends, TimeSpan.FromSeconds(60), $"{Sends} notifications for {member.Id}");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would arrive right behind the originals
            var received = await MessageNotificationsAsync(member, groupId);
            Assert.Equal(Sends, received.Count);
            Assert.Equal(Sends, received.Select(n => n.Data["messageId"]).Distinct().Count());
        }
        Assert.Empty(await MessageNotificationsAsync(ada, groupId));
    }

    private static async Task<List<NotificationDto>> MessageNotificationsAsync(TestUser user, Guid conversationId) =>
        [.. (await user.NotificationsAsync()).Items.Where(n => n.Type == "message" && n.Data["conversationId"] == conversationId.ToString())];

    private static async Task<TimeSpan> TimeSendsAsync(TestUser sender, Guid conversationId)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Sends; i++)
        {
            var response = await sender.PostMessageAsync(conversationId, new { text = $"message {i}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return clock.Elapsed;
    }
}
