using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.Messaging.Store.Cassandra;
using Tripmate.Messaging.Store.Sqlite;
using Tripmate.ServiceDefaults.Health;

namespace Tripmate.Messaging.Store;

/// <summary>Chooses and registers the store: Cassandra when contact points are configured, else embedded SQLite.</summary>
public static class StoreServiceExtensions
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
        var contactPoints = CassandraOptions.ReadContactPoints(builder.Configuration);
        if (contactPoints.Count > 0)
        {
            builder.AddCassandraStore(contactPoints);
        }
        else
        {
            builder.AddSqliteStore();
        }
        return builder;
    }

    private static void AddCassandraStore(this IHostApplicationBuilder builder, IReadOnlyList<string> contactPoints)
    {
        builder.Services.AddOptions<CassandraOptions>()
            .Bind(builder.Configuration.GetSection(CassandraOptions.Section))
            .PostConfigure(options => options.ContactPoints = contactPoints);
        builder.Services.AddSingleton<CassandraDatabase>();
        builder.Services.AddSingleton<CassandraInbox>();
        builder.Services.AddSingleton<IStoreInitializer, CassandraStoreInitializer>();
        builder.Services.AddSingleton<IConversationStore, CassandraConversationStore>();
        builder.Services.AddSingleton<IMessageStore, CassandraMessageStore>();
        builder.Services.AddSingleton<INotificationStore, CassandraNotificationStore>();
        builder.Services.AddSingleton<IUserDirectory, CassandraUserDirectory>();
        builder.Services.AddHealthChecks().AddCheck<CassandraHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    private static void AddSqliteStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        builder.Services.AddSingleton<IConversationStore, SqliteConversationStore>();
        builder.Services.AddSingleton<IMessageStore, SqliteMessageStore>();
        builder.Services.AddSingleton<INotificationStore, SqliteNotificationStore>();
        builder.Services.AddSingleton<IUserDirectory, SqliteUserDirectory>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }

    /// <summary>Creates the schema (tables, keyspace) if missing, before the service takes traffic.</summary>
    public static Task InitializeMessagingStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
