using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Store.Cassandra;
using Tripmate.Outbox;
using Tripmate.Outbox.Cassandra;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Tests.Store.Cassandra;

/// <summary>
/// The contract suite on a real Cassandra, whenever CASSANDRA_CONTACT_POINTS names one (no
/// Cassandra can run on the project's machines; a Docker-capable CI sets it). One session and
/// keyspace for the whole run; tests keep apart by their own ids.
/// </summary>
public sealed class CassandraStoreTests : MessagingStoreContract
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static CassandraDatabase? _database;

    private static string? ContactPoints => Environment.GetEnvironmentVariable(CassandraOptions.ContactPointsVariable);

    protected override async Task<StoreSet> OpenAsync(MessagingStoreOptions options)
    {
        Skip.If(string.IsNullOrWhiteSpace(ContactPoints),
            $"{CassandraOptions.ContactPointsVariable} is not set: no Cassandra to run the store contract against (the SQLite run covers it here).");
        var database = await DatabaseAsync();
        var inbox = new CassandraInbox(database);
        var wrapped = Options.Create(options);
        return new StoreSet(
            new CassandraConversationStore(database, inbox, new CassandraMemberships(database), Clock),
            new CassandraMessageStore(database, inbox, wrapped),
            new CassandraNotificationStore(database, wrapped),
            new CassandraOutboxStore(database, Clock),
            new CassandraProcessedEvents(database, Options.Create(new MessageBusOptions())));
    }

    /// <summary>Cassandra's TTLs run on the server's clock: nothing to move, the test waits for expiry.</summary>
    protected override void LetTimePass(TimeSpan by)
    {
    }

    private static async Task<CassandraDatabase> DatabaseAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_database is null)
            {
                var options = new CassandraOptions { Keyspace = "tripmate_messaging_tests" };
                options.ContactPoints = ContactPoints!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var database = new CassandraDatabase(Options.Create(options), new OutboxSignal(), NullLogger<CassandraDatabase>.Instance);
                await database.InitializeAsync(CancellationToken.None);
                _database = database;
            }
            return _database;
        }
        finally
        {
            StartLock.Release();
        }
    }
}
