using Tripmate.Outbox;
using Tripmate.Outbox.Sqlite;
using Tripmate.SocialGraph.Store;
using Tripmate.SocialGraph.Store.Sqlite;

namespace Tripmate.SocialGraph.Tests.Store.Sqlite;

/// <summary>The contract suite on the embedded store, each test on a file of its own.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-social-graph-").FullName;
    private readonly List<SqliteGraphDatabase> _databases = [];

    protected override async Task<(IGraphStore Graph, IOutboxStore Outbox)> OpenAsync()
    {
        var database = new SqliteGraphDatabase(Path.Combine(_directory, SqliteGraphDatabase.FileName), Clock, new OutboxSignal());
        _databases.Add(database);
        await database.InitializeAsync(Ct);
        return (new SqliteGraphStore(database), new SqliteOutboxStore(database, Clock));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }
}
