using System.Net;
using System.Text.Json;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Platform;

public sealed class ServicePlatformTests(SocialGraphApp app) : IClassFixture<SocialGraphApp>
{
    [Fact]
    public async Task The_openapi_document_describes_every_route_anonymously()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/relationships/following/{userId}", "/api/relationships/{userId}/followers", "/api/relationships/{userId}/following",
            "/api/relationships/{userId}/friends", "/api/relationships/{userId}/stats", "/api/relationships/mutual/{otherUserId}",
            "/api/relationships/suggestions", "/api/relationships/suggestions/groups", "/api/relationships/path/{fromUserId}/{toUserId}",
            "/api/relationships/blocks/{userId}", "/api/relationships/blocks",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing"));
    }

    [Fact]
    public async Task Readiness_names_the_store_in_use_and_the_start_warns_that_it_is_embedded()
    {
        using var operatorClient = app.Operator();

        var health = await operatorClient.GetStringAsync("/health/ready");

        Assert.Contains("social-graph-store", health);
        Assert.Contains("sqlite", health);
        Assert.Contains(app.Logs.GetSnapshot(), log => log.Message.Contains("embedded SQLite graph store") && log.Message.Contains("Neo4j"));
    }

    [Fact]
    public async Task In_production_without_a_store_choice_the_service_exits_at_start_naming_the_setting()
    {
        var start = () => ServiceProcess.StartAsync(ServiceBuild.SocialGraph, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
        }, readyTimeout: TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(start);

        Assert.Contains("exited with", error.Message);
        Assert.Contains("SocialGraph:Store is not set", error.Message);
    }

    [Fact]
    public async Task Choosing_Neo4j_without_a_server_address_exits_at_start_naming_the_setting()
    {
        var start = () => ServiceProcess.StartAsync(ServiceBuild.SocialGraph, new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            ["SocialGraph__Store"] = "Neo4j",
            ["NEO4J_URI"] = "",
        }, readyTimeout: TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(start);

        Assert.Contains("exited with", error.Message);
        Assert.Contains("Neo4j:Uri", error.Message);
    }
}
