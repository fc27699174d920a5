using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Platform;

public sealed class OpenApiAndTopologyTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task The_openapi_document_describes_every_route_anonymously()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/conversations/direct", "/api/conversations", "/api/conversations/{id}", "/api/conversations/{id}/read",
            "/api/conversations/{id}/messages", "/api/conversations/{id}/messages/{messageId}",
            "/api/notifications", "/api/notifications/unread-count", "/api/notifications/{id}/read",
            "/api/notifications/read-all", "/api/notifications/stream",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing"));
    }

    /// <summary>
    /// Other services consume identity's events too; messaging's queues carry its own prefix so no
    /// service takes another's copy. The fan-out queue, by contrast, must not be shared at all.
    /// </summary>
    [Theory]
    [InlineData("group-created")]
    [InlineData("group-member-added")]
    [InlineData("group-member-removed")]
    [InlineData("group-deleted")]
    [InlineData("user-deleted")]
    [InlineData("message-sent")]
    public async Task Event_queues_are_named_for_this_service(string consumer)
    {
        var prefix = MessageBusExtensions.QueuePrefix(app.Services.GetRequiredService<IConfiguration>(), "messaging");
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        await channel.QueueDeclarePassiveAsync($"{prefix}-{consumer}");
        await using var other = await connection.CreateChannelAsync();
        await Assert.ThrowsAsync<OperationInterruptedException>(() => other.QueueDeclarePassiveAsync(consumer));
    }
}
