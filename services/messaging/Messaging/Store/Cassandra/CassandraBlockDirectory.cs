namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// <see cref="IBlockDirectory"/> on Cassandra. Each change is written with the event's own time as
/// its write timestamp, so Cassandra's last-write-wins keeps the latest change whatever order the
/// events arrive in, without lightweight transactions.
/// </summary>
public sealed class CassandraBlockDirectory(CassandraDatabase db) : IBlockDirectory
{
    private readonly Lazy<Task> _table = new(() => db.ExecuteAsync(
        "CREATE TABLE IF NOT EXISTS user_blocks (blocker uuid, blocked uuid, is_blocked boolean, PRIMARY KEY (blocker, blocked))",
        [], CancellationToken.None));

    public async Task ApplyAsync(Guid blockerId, Guid blockedId, bool isBlocked, DateTimeOffset changedAt, CancellationToken ct)
    {
        await _table.Value;
        var micros = changedAt.ToUnixTimeMilliseconds() * 1000;
        await db.ExecuteAsync("INSERT INTO user_blocks (blocker, blocked, is_blocked) VALUES (?, ?, ?) USING TIMESTAMP ?",
            [blockerId, blockedId, isBlocked, micros], ct);
    }

    public async Task<bool> IsBlockedEitherWayAsync(Guid oneUserId, Guid otherUserId, CancellationToken ct)
    {
        await _table.Value;
        foreach (var (blocker, blocked) in new[] { (oneUserId, otherUserId), (otherUserId, oneUserId) })
        {
            var rows = await db.ExecuteAsync("SELECT is_blocked FROM user_blocks WHERE blocker = ? AND blocked = ?", [blocker, blocked], ct);
            if (rows.Count > 0 && rows[0].Get<bool?>("is_blocked") == true)
            {
                return true;
            }
        }

        return false;
    }
}
