using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tripmate.ServiceDefaults.Health;
using Tripmate.ServiceDefaults.Messaging;
using Tripmate.ServiceDefaults.Stores;

namespace Tripmate.Outbox.Sqlite;

public static class SqliteStoreExtensions
{
    /// <summary>
    /// The plumbing of a service's embedded store: its database (<typeparamref name="TDatabase"/>),
    /// the initializer that creates it at start, the outbox relayed from its file, the record of
    /// processed events, and the readiness check named <paramref name="healthCheckName"/>. The
    /// service adds its own stores over the database.
    /// </summary>
    public static IHostApplicationBuilder AddSqliteStore<TDatabase>(this IHostApplicationBuilder builder, string healthCheckName)
        where TDatabase : SqliteDatabase
    {
        builder.Services.AddSingleton<TDatabase>();
        builder.Services.AddSingleton<SqliteDatabase>(services => services.GetRequiredService<TDatabase>());
        builder.Services.AddSingleton<ISqliteDatabase>(services => services.GetRequiredService<TDatabase>());
        builder.Services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        builder.Services.AddSingleton<IProcessedEventStore, SqliteProcessedEvents>();
        builder.AddOutbox<SqliteOutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>(healthCheckName, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
