using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Platform;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutageCollection
{
    public const string Name = "Server outages";
}

/// <summary>An app that gives up on an unconfirmed publish quickly, so the outage test stays short.</summary>
public sealed class QuickPublishTimeoutApp : MessagingApp
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:PublishTimeout", PublishTimeout.ToString());
    }
}

/// <summary>Stops the real RabbitMQ mid-test, so it runs alone (see the collection).</summary>
[Collection(ServerOutageCollection.Name)]
public sealed class BrokerOutageTests(QuickPublishTimeoutApp app) : IClassFixture<QuickPublishTimeoutApp>
{
    [Fact]
    public async Task A_send_succeeds_while_the_broker_is_down_and_notifications_resume_after_it_returns()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);

        await DevServer.StopAsync("rabbitmq");
        try
        {
            var clock = Stopwatch.StartNew();
            var response = await ada.PostMessageAsync(conversation.Id, new { text = "while the broker sleeps" });

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(clock.Elapsed < QuickPublishTimeoutApp.PublishTimeout + TimeSpan.FromSeconds(10), $"The send took {clock.Elapsed}.");
            var stored = await bob.GetPageAsync<MessageDto>($"/api/conversations/{conversation.Id}/messages");
            Assert.Equal("while the broker sleeps", Assert.Single(stored.Items).Text);
        }
        finally
        {
            await DevServer.StartAsync("rabbitmq");
        }

        await Eventually.WaitForAsync(
            async () => JsonDocument.Parse(await app.Anonymous().GetStringAsync("/health/ready")).RootElement.GetProperty("status").GetString(),
            status => status == "Healthy", TimeSpan.FromSeconds(60), "the bus to reconnect");
        var after = await ada.SendAsync(conversation.Id, "back online");
        await bob.WaitForNotificationsAsync(items => items.Any(n => n.Data["messageId"] == after.Id.ToString()), "the notification after the outage");
        Assert.Equal(2, (await bob.GetPageAsync<ConversationSummaryDto>("/api/conversations")).Items.Single().UnreadCount);
    }
}
