using Microsoft.Extensions.Logging;
using Tripmate.ServiceDefaults.Stores;

namespace Tripmate.Outbox.Sqlite;

/// <summary>What the start-up warning of an embedded store names: the store, the setting that chose it, and what production runs instead.</summary>
/// <param name="Store">e.g. <c>message</c>, as in "the embedded SQLite message store".</param>
/// <param name="Setting">e.g. <c>Messaging:Store</c>.</param>
/// <param name="ProductionStore">e.g. <c>Cassandra</c>.</param>
public sealed record EmbeddedStoreNotice(string Store, string Setting, string ProductionStore);

/// <summary>Creates the embedded store's file and schema, and warns that it is the embedded one.</summary>
public sealed class SqliteStoreInitializer(SqliteDatabase database, ILogger<SqliteStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var notice = database.Notice;
        logger.LogWarning(
            "Using the embedded SQLite {Store} store at {Path} ({Setting} is Embedded). " +
            "It suits development and one machine, not a cluster: production runs {Production}.",
            notice.Store, database.FilePath, notice.Setting, $"{notice.Setting}={notice.ProductionStore}");
        await database.InitializeAsync(ct);
    }
}
