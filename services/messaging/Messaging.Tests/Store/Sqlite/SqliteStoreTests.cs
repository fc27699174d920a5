using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Store.Sqlite;
using Tripmate.Outbox;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Messaging.Tests.Store.Sqlite;

/// <summary>The contract suite on the embedded store, each test on a file of its own.</summary>
public sealed class SqliteStoreTests : MessagingStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    protected override async Task<StoreSet> OpenAsync(MessagingStoreOptions options)
    {
        var database = new SqliteDatabase(Path.Combine(_directory, SqliteDatabase.FileName), Clock, new OutboxSignal());
        _databases.Add(database);
        await database.InitializeAsync(Ct);
        var wrapped = Options.Create(options);
        return new StoreSet(
            new SqliteConversationStore(database),
            new SqliteMessageStore(database, wrapped),
            new SqliteNotificationStore(database, wrapped),
            new SqliteOutboxStore(database, Clock),
            new SqliteProcessedEvents(database, Clock, Options.Create(new MessageBusOptions())));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }
}
