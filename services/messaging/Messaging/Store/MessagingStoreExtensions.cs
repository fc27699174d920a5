using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.Cql;
using Tripmate.Messaging.Store.Cassandra;
using Tripmate.Messaging.Store.Sqlite;
using Tripmate.Outbox;
using Tripmate.Outbox.Cassandra;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Health;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.ServiceDefaults.Stores;

namespace Tripmate.Messaging.Store;

/// <summary>The stores messaging can run on: <c>Messaging:Store</c> says which.</summary>
public enum MessagingStoreKind
{
    /// <summary>A SQLite file under <c>Messaging:DataDirectory</c>: development and tests, one machine.</summary>
    Embedded,

    /// <summary>Apache Cassandra at <c>Cassandra:ContactPoints</c>.</summary>
    Cassandra,
}

/// <summary>Registers the chosen store, with its outbox and its record of processed events.</summary>
public static class MessagingStoreExtensions
{
    public const string HealthCheckName = "messaging-store";

    public static IHostApplicationBuilder AddMessagingStore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MessagingStoreOptions>()
            .Bind(builder.Configuration.GetSection(MessagingStoreOptions.Section))
            .Validate(o => o.BucketSize >= TimeSpan.FromMilliseconds(1), "Messaging:BucketSize must be at least 1 ms.")
            .Validate(o => o.NotificationTtl > TimeSpan.Zero && o.IdempotencyKeyTtl > TimeSpan.Zero, "Messaging TTLs must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<OutboxSignal>();
        switch (StoreChoice.Read<MessagingStoreKind>(builder.Configuration, MessagingStoreOptions.Section))
        {
            case MessagingStoreKind.Cassandra:
                builder.AddCassandraStore();
                break;
            default:
                builder.AddSqliteStore();
                break;
        }
        return builder;
    }

    private static void AddCassandraStore(this IHostApplicationBuilder builder)
    {
        var contactPoints = CassandraOptions.ReadContactPoints(builder.Configuration);
        if (contactPoints.Count == 0)
        {
            throw new InvalidOperationException(
                $"Messaging:Store is Cassandra but no contact points are set: set {CassandraOptions.Section}:ContactPoints " +
                $"(or {CassandraOptions.ContactPointsVariable}=host1,host2:9043).");
        }

        builder.Services.AddOptions<CassandraOptions>()
            .Bind(builder.Configuration.GetSection(CassandraOptions.Section))
            .PostConfigure(options => options.ContactPoints = contactPoints);
        builder.Services.AddSingleton<CassandraDatabase>();
        builder.Services.AddSingleton<ICqlExecutor>(services => services.GetRequiredService<CassandraDatabase>());
        builder.Services.AddSingleton<CassandraInbox>();
        builder.Services.AddSingleton<CassandraMemberships>();
        builder.Services.AddSingleton<IStoreInitializer, CassandraStoreInitializer>();
        builder.Services.AddSingleton<IConversationStore, CassandraConversationStore>();
        builder.Services.AddSingleton<IMessageStore, CassandraMessageStore>();
        builder.Services.AddSingleton<INotificationStore, CassandraNotificationStore>();
        builder.Services.AddSingleton<IUserDirectory, CassandraUserDirectory>();
        builder.Services.AddSingleton<IBlockDirectory, CassandraBlockDirectory>();
        builder.Services.AddSingleton<IProcessedEventStore, CassandraProcessedEvents>();
        builder.AddOutbox<CassandraOutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<CassandraHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    private static void AddSqliteStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<ISqliteDatabase>(services => services.GetRequiredService<SqliteDatabase>());
        builder.Services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        builder.Services.AddSingleton<IConversationStore, SqliteConversationStore>();
        builder.Services.AddSingleton<IMessageStore, SqliteMessageStore>();
        builder.Services.AddSingleton<INotificationStore, SqliteNotificationStore>();
        builder.Services.AddSingleton<IUserDirectory, SqliteUserDirectory>();
        builder.Services.AddSingleton<IBlockDirectory, SqliteBlockDirectory>();
        builder.Services.AddSingleton<IProcessedEventStore, SqliteProcessedEvents>();
        builder.AddOutbox<SqliteOutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    /// <summary>Creates the schema (tables, keyspace) if missing, before the service takes traffic.</summary>
    public static Task InitializeMessagingStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
