using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Outbox;
using Tripmate.Outbox.Sqlite;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>Messaging's embedded file: its schema, and the expired rows it reclaims now and then.</summary>
public sealed class SqliteMessagingDatabase(string filePath, TimeProvider clock, OutboxSignal outbox)
    : SqliteDatabase(filePath, clock, outbox)
{
    public const string FileName = "messaging.db";
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public SqliteMessagingDatabase(IOptions<MessagingStoreOptions> options, IHostEnvironment environment, TimeProvider clock, OutboxSignal outbox)
        : this(Path.Combine(Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath), FileName), clock, outbox)
    {
    }

    public override EmbeddedStoreNotice Notice { get; } = new("message", $"{MessagingStoreOptions.Section}:Store", nameof(MessagingStoreKind.Cassandra));

    protected override string Schema => SqliteSchema.Create;

    protected override Task UpgradeAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct) =>
        SqliteSchema.UpgradeAsync(connection, transaction, ct);

    /// <summary>
    /// Runs <paramref name="change"/> and, when it reports that it changed something, records
    /// <paramref name="events"/> in the same transaction (see <see cref="SqliteDatabase.WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, Task{T}}, Func{T, IReadOnlyCollection{IntegrationEvent}}, CancellationToken)"/>).
    /// </summary>
    public Task<bool> WriteAsync(
        Func<SqliteConnection, SqliteTransaction, Task<bool>> change, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        WriteAsync(change, changed => changed ? events : [], ct);

    /// <summary>Expired rows are never read (queries filter on expires_at); this reclaims their space now and then.</summary>
    protected override async Task BeforeCommitAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        var now = Now;
        if (now - _lastPurge < PurgeInterval)
        {
            return;
        }
        _lastPurge = now;
        await using var purge = connection.Command("""
            DELETE FROM notifications WHERE expires_at <= $now;
            DELETE FROM idempotency_keys WHERE expires_at <= $now;
            """, transaction);
        await purge.With("$now", now).ExecuteNonQueryAsync(ct);
    }
}
