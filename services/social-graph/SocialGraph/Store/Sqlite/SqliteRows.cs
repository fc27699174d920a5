using Microsoft.Data.Sqlite;
using Tripmate.Outbox.Sqlite;

namespace Tripmate.SocialGraph.Store.Sqlite;

/// <summary>Public ids to the row numbers the adjacency tables use, inside the caller's transaction or read.</summary>
internal static class SqliteRows
{
    /// <summary>The user's row number when the user exists and was not deleted, else null.</summary>
    public static async Task<long?> LiveUserAsync(SqliteConnection c, SqliteTransaction? t, Guid userId, CancellationToken ct)
    {
        await using var select = c.Command("SELECT seq FROM users WHERE id = $id AND deleted = 0", t).With("$id", userId);
        return await select.ExecuteScalarAsync(ct) is long seq ? seq : null;
    }

    /// <summary>
    /// The user's row number, adding the user when never seen; null when the user was deleted
    /// (a deletion is final: nothing arriving later brings the user back).
    /// </summary>
    public static async Task<long?> EnsureUserAsync(SqliteConnection c, SqliteTransaction t, Guid userId, CancellationToken ct)
    {
        await using var upsert = c.Command("""
            INSERT INTO users (id) VALUES ($id) ON CONFLICT (id) DO NOTHING;
            SELECT seq FROM users WHERE id = $id AND deleted = 0;
            """, t).With("$id", userId);
        return await upsert.ExecuteScalarAsync(ct) is long seq ? seq : null;
    }

    /// <summary>The group's row number, adding it when never seen; null when the group was deleted.</summary>
    public static async Task<long?> EnsureGroupAsync(SqliteConnection c, SqliteTransaction t, Guid groupId, CancellationToken ct)
    {
        await using var upsert = c.Command("""
            INSERT INTO groups (id) VALUES ($id) ON CONFLICT (id) DO NOTHING;
            SELECT seq FROM groups WHERE id = $id AND deleted = 0;
            """, t).With("$id", groupId);
        return await upsert.ExecuteScalarAsync(ct) is long seq ? seq : null;
    }

    public static async Task<bool> BlockedEitherWayAsync(SqliteConnection c, SqliteTransaction? t, long one, long other, CancellationToken ct)
    {
        await using var select = c.Command("""
            SELECT 1 FROM blocks WHERE (blocker = $a AND blocked = $b) OR (blocker = $b AND blocked = $a) LIMIT 1
            """, t).With("$a", one).With("$b", other);
        return await select.ExecuteScalarAsync(ct) is not null;
    }

    public static async Task<int> ExecuteAsync(SqliteConnection c, SqliteTransaction t, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = c.Command(sql, t);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }
}
