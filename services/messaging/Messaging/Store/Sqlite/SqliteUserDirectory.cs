using Tripmate.Outbox.Sqlite;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary><see cref="IUserDirectory"/> in the embedded file; its table is created on first use.</summary>
public sealed class SqliteUserDirectory(SqliteMessagingDatabase database) : IUserDirectory
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS known_users (
            user_id TEXT PRIMARY KEY,
            registered INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0);
        """;

    private readonly Lazy<Task> _table = new(() => database.WriteAsync(async (c, t) =>
    {
        await using var create = c.Command(CreateTable, t);
        return await create.ExecuteNonQueryAsync();
    }, CancellationToken.None));

    public Task MarkRegisteredAsync(Guid userId, CancellationToken ct) =>
        UpsertAsync(userId, "INSERT INTO known_users (user_id, registered) VALUES ($u, 1) ON CONFLICT (user_id) DO UPDATE SET registered = 1", ct);

    public Task MarkDeletedAsync(Guid userId, CancellationToken ct) =>
        UpsertAsync(userId, "INSERT INTO known_users (user_id, deleted) VALUES ($u, 1) ON CONFLICT (user_id) DO UPDATE SET deleted = 1", ct);

    public async Task<bool> ExistsAsync(Guid userId, CancellationToken ct)
    {
        await _table.Value;
        return await database.ReadAsync(async c =>
        {
            await using var select = c.Command("SELECT 1 FROM known_users WHERE user_id = $u AND registered = 1 AND deleted = 0").With("$u", userId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);
    }

    private async Task UpsertAsync(Guid userId, string sql, CancellationToken ct)
    {
        await _table.Value;
        await database.WriteAsync(async (c, t) =>
        {
            await using var upsert = c.Command(sql, t).With("$u", userId);
            return await upsert.ExecuteNonQueryAsync(ct);
        }, ct);
    }
}
