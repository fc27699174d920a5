using Microsoft.Data.Sqlite;
using Tripmate.Outbox.Sqlite;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>
/// The embedded store's tables, shaped like the Cassandra ones (see README.md) so both behave alike:
/// messages keyed by (conversation, bucket, sort key) plus an index of non-empty buckets.
/// Sort keys are <see cref="SqliteValues.SortKey"/> blobs; ids are text; times Unix milliseconds.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            kind INTEGER NOT NULL,
            group_id TEXT,
            title TEXT,
            created_at INTEGER NOT NULL,
            closed_at INTEGER,
            last_message_key BLOB,
            last_message_id TEXT,
            last_sender_id TEXT,
            last_text TEXT,
            last_sent_at INTEGER);

        CREATE TABLE IF NOT EXISTS conversation_members (
            conversation_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (conversation_id, user_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS conversation_members_by_user ON conversation_members (user_id);

        CREATE TABLE IF NOT EXISTS inbox (
            user_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            last_activity_at INTEGER NOT NULL,
            last_message_key BLOB,
            last_message_id TEXT,
            last_sender_id TEXT,
            last_text TEXT,
            last_sent_at INTEGER,
            unread INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (user_id, conversation_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS inbox_by_activity ON inbox (user_id, last_activity_at DESC, conversation_id DESC);

        CREATE TABLE IF NOT EXISTS messages (
            conversation_id TEXT NOT NULL,
            bucket INTEGER NOT NULL,
            message_key BLOB NOT NULL,
            message_id TEXT NOT NULL,
            sender_id TEXT NOT NULL,
            text TEXT,
            attachment_file_ids TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            edited_at INTEGER,
            deleted_at INTEGER,
            PRIMARY KEY (conversation_id, bucket, message_key)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS message_buckets (
            conversation_id TEXT NOT NULL,
            bucket INTEGER NOT NULL,
            PRIMARY KEY (conversation_id, bucket)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS notifications (
            user_id TEXT NOT NULL,
            notification_key BLOB NOT NULL,
            notification_id TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            is_read INTEGER NOT NULL DEFAULT 0,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, notification_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS notifications_by_expiry ON notifications (expires_at);

        CREATE TABLE IF NOT EXISTS idempotency_keys (
            sender_id TEXT NOT NULL,
            key TEXT NOT NULL,
            message_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (sender_id, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS idempotency_keys_by_expiry ON idempotency_keys (expires_at);
        """;

    /// <summary>Columns added since the first release, for files made before them (CREATE IF NOT EXISTS keeps old tables as they were).</summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("conversation_members", "version", "INTEGER NOT NULL DEFAULT 0"),
        ("conversation_members", "removed", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public static async Task UpgradeAsync(SqliteConnection c, SqliteTransaction t, CancellationToken ct)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            await using var has = c.Command($"SELECT 1 FROM pragma_table_info('{table}') WHERE name = '{column}'", t);
            if (await has.ExecuteScalarAsync(ct) is null)
            {
                await using var add = c.Command($"ALTER TABLE {table} ADD COLUMN {column} {definition}", t);
                await add.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
