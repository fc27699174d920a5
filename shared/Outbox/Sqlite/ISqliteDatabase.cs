using Microsoft.Data.Sqlite;

namespace Tripmate.Outbox.Sqlite;

/// <summary>What the SQLite outbox needs of a service's embedded database: its reads, and its one-writer transactions.</summary>
public interface ISqliteDatabase
{
    /// <summary>The database file's full path.</summary>
    string FilePath { get; }

    Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct);

    /// <summary>Runs <paramref name="write"/> in one transaction, committed when it returns.</summary>
    Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken ct);
}
