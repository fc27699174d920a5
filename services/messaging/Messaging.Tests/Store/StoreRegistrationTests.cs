using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Store.Cassandra;
using Tripmate.Messaging.Store.Sqlite;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>Which store the service runs on (always the one <c>Messaging:Store</c> names), and what its readiness check says about it.</summary>
public sealed class StoreRegistrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;

    private WebApplication Build(Dictionary<string, string?> settings, string environment = "Testing")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = _directory });
        builder.Logging.AddFakeLogging();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHealthChecks();
        builder.AddMessagingStore();
        return builder.Build();
    }

    [Fact]
    public async Task The_embedded_store_is_created_under_the_data_directory_and_reported_ready()
    {
        await using var app = Build(new() { ["Messaging:Store"] = "Embedded", ["Messaging:DataDirectory"] = "store-data" });

        await app.InitializeMessagingStoreAsync();

        var expectedPath = Path.Combine(_directory, "store-data", SqliteDatabase.FileName);
        Assert.True(File.Exists(expectedPath));
        Assert.IsType<SqliteMessageStore>(app.Services.GetRequiredService<IMessageStore>());
        var entry = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[MessagingStoreExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(("sqlite", expectedPath), (entry.Data["store"], entry.Data["path"]));
        Assert.Contains(expectedPath, entry.Description);
        Assert.Contains(app.Services.GetFakeLogCollector().GetSnapshot(),
            log => log.Level == LogLevel.Warning && log.Message.Contains("Messaging:Store is Embedded") && log.Message.Contains(expectedPath));
    }

    [Theory]
    [InlineData("Cassandra:ContactPoints", "10.0.0.1, 10.0.0.2:9043")]
    [InlineData("CASSANDRA_CONTACT_POINTS", "10.0.0.1,10.0.0.2:9043")]
    [InlineData("Cassandra:ContactPoints:0", "10.0.0.1")]
    public async Task Cassandra_takes_its_contact_points_from_either_setting_and_the_health_check_names_them(string key, string value)
    {
        await using var app = Build(new()
        {
            ["Messaging:Store"] = "cassandra",
            [key] = value,
            ["Cassandra:ContactPoints:1"] = key.EndsWith(":0") ? "10.0.0.2:9043" : null,
            ["Cassandra:ReplicationStrategy"] = "NetworkTopologyStrategy",
            ["Cassandra:DataCenters:dc1"] = "3",
            ["Cassandra:Consistency"] = "EachQuorum",
        });

        Assert.IsType<CassandraMessageStore>(app.Services.GetRequiredService<IMessageStore>());
        var options = app.Services.GetRequiredService<IOptions<CassandraOptions>>().Value;
        Assert.Equal(["10.0.0.1", "10.0.0.2:9043"], options.ContactPoints);
        Assert.Equal(Tripmate.Cql.Consistency.EachQuorum, options.Consistency);
        Assert.Equal("{'class': 'NetworkTopologyStrategy', 'dc1': 3}", options.ReplicationCql());
        var entry = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[MessagingStoreExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status); // not connected: InitializeMessagingStoreAsync was not called
        Assert.Equal(("cassandra", "10.0.0.1,10.0.0.2:9043"), (entry.Data["store"], entry.Data["contactPoints"]));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void Without_a_store_choice_the_service_does_not_start_and_says_which_setting_is_missing(string environment)
    {
        // Contact points alone used to choose Cassandra, and their absence a local file: no longer a choice.
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Cassandra:ContactPoints"] = "10.0.0.1" }, environment));

        Assert.Contains("Messaging:Store is not set", error.Message);
        Assert.Contains("Embedded or Cassandra", error.Message);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    public void An_unknown_store_is_refused_by_name(string choice)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Messaging:Store"] = choice }));

        Assert.Contains($"Messaging:Store is '{choice}'", error.Message);
    }

    [Fact]
    public void Cassandra_without_contact_points_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Messaging:Store"] = "Cassandra" }));

        Assert.Contains("Cassandra:ContactPoints", error.Message);
    }

    [Fact]
    public void Replication_is_simple_with_one_replica_unless_configured()
    {
        Assert.Equal("{'class': 'SimpleStrategy', 'replication_factor': 1}", new CassandraOptions().ReplicationCql());
        Assert.Throws<InvalidOperationException>(() => new CassandraOptions { ReplicationStrategy = "NetworkTopologyStrategy" }.ReplicationCql());
        Assert.Throws<InvalidOperationException>(() =>
            new CassandraOptions { ReplicationStrategy = "NetworkTopologyStrategy", DataCenters = { ["dc1'}; DROP"] = 3 } }.ReplicationCql());
        Assert.False(new CassandraOptions { Keyspace = "messaging; DROP TABLE x" }.HasValidKeyspaceName);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
