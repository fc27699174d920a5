namespace Tripmate.SocialGraph.Store.Sqlite;

internal sealed class SqliteStoreInitializer(SqliteGraphDatabase database, ILogger<SqliteStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogWarning(
            "Using the embedded SQLite graph store at {Path} (SocialGraph:Store is Embedded). " +
            "It suits development and one machine, not a cluster: production runs SocialGraph:Store=Neo4j.",
            database.FilePath);
        await database.InitializeAsync(ct);
    }
}
