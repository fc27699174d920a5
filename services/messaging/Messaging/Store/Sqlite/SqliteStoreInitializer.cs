namespace Tripmate.Messaging.Store.Sqlite;

internal sealed class SqliteStoreInitializer(SqliteDatabase database, ILogger<SqliteStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogWarning(
            "Using the embedded SQLite message store at {Path} because no Cassandra contact points are configured " +
            "(Cassandra:ContactPoints or CASSANDRA_CONTACT_POINTS). It suits one instance on one machine, not a cluster.",
            database.FilePath);
        await database.InitializeAsync(ct);
    }
}
