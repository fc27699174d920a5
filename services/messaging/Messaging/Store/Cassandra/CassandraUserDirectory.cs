namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// <see cref="IUserDirectory"/> on Cassandra: each fact is its own column written by a plain upsert,
/// so concurrent and reordered events converge without lightweight transactions.
/// </summary>
public sealed class CassandraUserDirectory(CassandraDatabase db) : IUserDirectory
{
    private readonly Lazy<Task> _table = new(() => db.ExecuteAsync(
        "CREATE TABLE IF NOT EXISTS known_users (user_id uuid PRIMARY KEY, registered boolean, deleted boolean)", [], CancellationToken.None));

    public async Task MarkRegisteredAsync(Guid userId, CancellationToken ct)
    {
        await _table.Value;
        await db.ExecuteAsync("UPDATE known_users SET registered = true WHERE user_id = ?", [userId], ct);
    }

    public async Task MarkDeletedAsync(Guid userId, CancellationToken ct)
    {
        await _table.Value;
        await db.ExecuteAsync("UPDATE known_users SET deleted = true WHERE user_id = ?", [userId], ct);
    }

    public async Task<bool> ExistsAsync(Guid userId, CancellationToken ct)
    {
        await _table.Value;
        var rows = await db.ExecuteAsync("SELECT registered, deleted FROM known_users WHERE user_id = ?", [userId], ct);
        return rows.Count > 0 && rows[0].Get<bool?>("registered") == true && rows[0].Get<bool?>("deleted") != true;
    }
}
