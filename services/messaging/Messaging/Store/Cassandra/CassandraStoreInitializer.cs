using Tripmate.ServiceDefaults.Stores;

namespace Tripmate.Messaging.Store.Cassandra;

internal sealed class CassandraStoreInitializer(CassandraDatabase db, ILogger<CassandraStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogInformation("Using the Cassandra message store at {ContactPoints}, keyspace {Keyspace}",
            string.Join(",", db.Options.ContactPoints), db.Options.Keyspace);
        await db.InitializeAsync(ct);
    }
}
