namespace Tripmate.Messaging.Store.Sqlite;

internal sealed class SqliteStoreInitializer(SqliteDatabase database, ILogger<SqliteStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogWarning(
            "Using the embedded SQLite message store at {Path} (Messaging:Store is Embedded). " +
            "It suits development and one machine, not a cluster: production runs Messaging:Store=Cassandra.",
            database.FilePath);
        await database.InitializeAsync(ct);
    }
}
