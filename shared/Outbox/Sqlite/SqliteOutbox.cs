using Microsoft.Data.Sqlite;

namespace Tripmate.Outbox.Sqlite;

/// <summary>
/// The outbox table of an embedded SQLite store. A store writes its events with
/// <see cref="WriteAsync"/> inside the transaction of the change, then signals the relay after the
/// commit; <see cref="SqliteOutboxStore"/> is the relay's side.
/// </summary>
public static class SqliteOutbox
{
    /// <summary>Add to the store's schema (idempotent). Times are Unix milliseconds.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            trace_parent TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            leased_until INTEGER,
            sent_at INTEGER,
            parked_at INTEGER);
        CREATE INDEX IF NOT EXISTS outbox_events_pending ON outbox_events (seq) WHERE sent_at IS NULL AND parked_at IS NULL;

        CREATE TABLE IF NOT EXISTS processed_events (
            consumer TEXT NOT NULL,
            event_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (consumer, event_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS processed_events_by_expiry ON processed_events (expires_at);
        """;

    /// <summary>
    /// Writes the events in the caller's transaction. An event id already present is skipped, so a
    /// change retried after an unknown outcome does not announce itself twice.
    /// </summary>
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<OutboxEnvelope> events, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO outbox_events (message_id, message_type, payload, occurred_at, trace_parent)
            VALUES ($id, $type, $payload, $occurred, $trace)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var occurred = insert.Parameters.Add("$occurred", SqliteType.Integer);
        var trace = insert.Parameters.Add("$trace", SqliteType.Text);
        foreach (var envelope in events)
        {
            id.Value = envelope.MessageId.ToString();
            type.Value = envelope.MessageType;
            payload.Value = envelope.Payload;
            occurred.Value = envelope.OccurredAt.ToUnixTimeMilliseconds();
            trace.Value = (object?)envelope.TraceParent ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
