using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.Outbox;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Health;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.ServiceDefaults.Stores;
using Tripmate.Neo4j;
using Tripmate.SocialGraph.Store.Neo4j;
using Tripmate.SocialGraph.Store.Sqlite;

namespace Tripmate.SocialGraph.Store;

/// <summary>The stores social-graph can run on: <c>SocialGraph:Store</c> says which.</summary>
public enum GraphStoreKind
{
    /// <summary>A SQLite file under <c>SocialGraph:DataDirectory</c>: development and tests, one machine.</summary>
    Embedded,

    /// <summary>Neo4j 5 through its HTTP Query API at <c>Neo4j:Uri</c>.</summary>
    Neo4j,
}

/// <summary>Registers the chosen store, with its outbox and its record of processed events.</summary>
public static class SocialGraphStoreExtensions
{
    public const string HealthCheckName = "social-graph-store";

    public static IHostApplicationBuilder AddSocialGraphStore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<GraphStoreOptions>().Bind(builder.Configuration.GetSection(GraphStoreOptions.Section));
        builder.Services.TryAddSingleton<OutboxSignal>();
        switch (StoreChoice.Read<GraphStoreKind>(builder.Configuration, GraphStoreOptions.Section))
        {
            case GraphStoreKind.Neo4j:
                builder.AddNeo4jStore();
                break;
            default:
                builder.AddSqliteStore();
                break;
        }

        return builder;
    }

    private static void AddNeo4jStore(this IHostApplicationBuilder builder)
    {
        if (Neo4jServiceExtensions.ReadUri(builder.Configuration) is null)
        {
            throw new InvalidOperationException(
                $"SocialGraph:Store is Neo4j but no server is set: set {Neo4jOptions.Section}:Uri (or {Neo4jOptions.UriVariable}=http://host:7474).");
        }

        builder.Services.AddNeo4jClient(builder.Configuration);
        builder.Services.AddSingleton<IStoreInitializer, Neo4jStoreInitializer>();
        builder.Services.AddSingleton<IGraphStore, Neo4jGraphStore>();
        builder.Services.AddSingleton<IProcessedEventStore, Neo4jProcessedEvents>();
        builder.AddOutbox<Neo4jOutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<Neo4jHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    private static void AddSqliteStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SqliteGraphDatabase>();
        builder.Services.AddSingleton<ISqliteDatabase>(services => services.GetRequiredService<SqliteGraphDatabase>());
        builder.Services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        builder.Services.AddSingleton<IGraphStore, SqliteGraphStore>();
        builder.Services.AddSingleton<IProcessedEventStore, SqliteProcessedEvents>();
        builder.AddOutbox<SqliteOutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    /// <summary>Creates the schema (tables, constraints, indexes) if missing, before the service takes traffic.</summary>
    public static Task InitializeSocialGraphStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
