using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Store.Cassandra;
using Tripmate.Messaging.Store.Sqlite;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>Which store the service picks, and what its readiness check says about it.</summary>
public sealed class StoreRegistrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;

    private readonly CapturedLogs _logs = new();

    private WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _directory });
        builder.Logging.AddProvider(_logs);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHealthChecks();
        builder.AddMessagingStore();
        return builder.Build();
    }

    [Fact]
    public async Task Without_contact_points_the_embedded_store_is_created_under_the_data_directory_and_reported_ready()
    {
        await using var app = Build(new() { ["Messaging:DataDirectory"] = "store-data" });

        await app.InitializeMessagingStoreAsync();

        var expectedPath = Path.Combine(_directory, "store-data", SqliteDatabase.FileName);
        Assert.True(File.Exists(expectedPath));
        Assert.IsType<SqliteMessageStore>(app.Services.GetRequiredService<IMessageStore>());
        var entry = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[StoreServiceExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(("sqlite", expectedPath), (entry.Data["store"], entry.Data["path"]));
        Assert.Contains(expectedPath, entry.Description);
        Assert.Contains(_logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("no Cassandra contact points") && log.Message.Contains(expectedPath));
    }

    [Theory]
    [InlineData("Cassandra:ContactPoints", "10.0.0.1, 10.0.0.2:9043")]
    [InlineData("CASSANDRA_CONTACT_POINTS", "10.0.0.1,10.0.0.2:9043")]
    [InlineData("Cassandra:ContactPoints:0", "10.0.0.1")]
    public async Task Contact_points_choose_cassandra_and_the_health_check_names_them(string key, string value)
    {
        await using var app = Build(new()
        {
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
        var entry = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[StoreServiceExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status); // not connected: InitializeMessagingStoreAsync was not called
        Assert.Equal(("cassandra", "10.0.0.1,10.0.0.2:9043"), (entry.Data["store"], entry.Data["contactPoints"]));
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
