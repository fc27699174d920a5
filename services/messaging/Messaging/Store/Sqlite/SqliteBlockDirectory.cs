using Tripmate.Outbox.Sqlite;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary><see cref="IBlockDirectory"/> in the embedded file; its table is created on first use.</summary>
public sealed class SqliteBlockDirectory(SqliteMessagingDatabase database) : IBlockDirectory
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS user_blocks (
            blocker TEXT NOT NULL,
            blocked TEXT NOT NULL,
            is_blocked INTEGER NOT NULL,
            changed_at INTEGER NOT NULL,
            PRIMARY KEY (blocker, blocked)) WITHOUT ROWID;
        """;

    private readonly Lazy<Task> _table = new(() => database.WriteAsync(async (c, t) =>
    {
        await using var create = c.Command(CreateTable, t);
        return await create.ExecuteNonQueryAsync();
    }, CancellationToken.None));

    public async Task ApplyAsync(Guid blockerId, Guid blockedId, bool isBlocked, DateTimeOffset changedAt, CancellationToken ct)
    {
        await _table.Value;
        await database.WriteAsync(async (c, t) =>
        {
            // Only over an older change of the pair: events may arrive late or twice.
            await using var upsert = c.Command("""
                INSERT INTO user_blocks (blocker, blocked, is_blocked, changed_at) VALUES ($a, $b, $blocked, $at)
                ON CONFLICT (blocker, blocked) DO UPDATE SET is_blocked = excluded.is_blocked, changed_at = excluded.changed_at
                WHERE excluded.changed_at > user_blocks.changed_at
                """, t).With("$a", blockerId).With("$b", blockedId).With("$blocked", isBlocked ? 1 : 0).With("$at", changedAt);
            return await upsert.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct)
    {
        await _table.Value;
        return await database.ReadAsync(async c =>
        {
            await using var select = c.Command("""
                SELECT 1 FROM user_blocks
                WHERE is_blocked = 1 AND ((blocker = $a AND blocked = $b) OR (blocker = $b AND blocked = $a))
                """).With("$a", oneUserId).With("$b", otherUserId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);
    }
}
