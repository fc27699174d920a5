using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Outbox.Sqlite;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>Notifications per user, newest first; rows past their expiry are never returned and are purged now and then.</summary>
public sealed class SqliteNotificationStore(SqliteMessagingDatabase database, IOptions<MessagingStoreOptions> options) : INotificationStore
{
    private const string Columns = "user_id, notification_id, type, text, data, created_at, is_read";

    public Task<bool> AddAsync(Notification notification, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            // A live row with this id wins; an expired one is replaced, as a Cassandra TTL would have removed it.
            await using var add = c.Command($"""
                DELETE FROM notifications WHERE user_id = $u AND notification_key = $key AND expires_at <= $now;
                INSERT OR IGNORE INTO notifications (notification_key, expires_at, {Columns})
                VALUES ($key, $expires, $u, $id, $type, $text, $data, $created, $read);
                """, t).With("$u", notification.UserId).With("$key", SqliteValues.SortKey(notification.Id))
                .With("$now", database.Now).With("$expires", database.Now + options.Value.NotificationTtl)
                .With("$id", notification.Id).With("$type", notification.Type).With("$text", notification.Text)
                .With("$data", JsonSerializer.Serialize(notification.Data)).With("$created", notification.CreatedAt)
                .With("$read", notification.IsRead);
            // Counts the expired row's deletion too, but then the insert happened as well.
            return await add.ExecuteNonQueryAsync(ct) > 0;
        }, events, ct);

    public Task<Slice<Notification, NotificationPosition>> ListAsync(
        Guid userId, bool unreadOnly, NotificationPosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync(async c =>
        {
            await using var select = c.Command($"""
                SELECT {Columns} FROM notifications
                WHERE user_id = $u AND expires_at > $now AND ($unread = 0 OR is_read = 0)
                  AND ($before IS NULL OR notification_key < $before)
                ORDER BY notification_key DESC
                LIMIT $limit
                """).With("$u", userId).With("$now", database.Now).With("$unread", unreadOnly)
                .With("$before", after is { } position ? SqliteValues.SortKey(position.NotificationId) : null).With("$limit", limit + 1);
            return Slice.FromOverfetch(await ReadAllAsync(select, ct), limit, n => new NotificationPosition(n.Id));
        }, ct);
    }

    public Task<IReadOnlyList<Notification>> ListAfterAsync(Guid userId, Guid after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<Notification>>(async c =>
        {
            await using var select = c.Command($"""
                SELECT {Columns} FROM notifications
                WHERE user_id = $u AND expires_at > $now AND notification_key > $after
                ORDER BY notification_key
                LIMIT $limit
                """).With("$u", userId).With("$now", database.Now).With("$after", SqliteValues.SortKey(after)).With("$limit", limit);
            return await ReadAllAsync(select, ct);
        }, ct);
    }

    public Task<long> CountUnreadAsync(Guid userId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var count = c.Command("SELECT count(*) FROM notifications WHERE user_id = $u AND is_read = 0 AND expires_at > $now")
                .With("$u", userId).With("$now", database.Now);
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }, ct);

    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct) =>
        await WriteAsync("""
            UPDATE notifications SET is_read = 1 WHERE user_id = $u AND notification_key = $key AND expires_at > $now
            """, userId, SqliteValues.SortKey(notificationId), ct) > 0;

    public Task MarkAllReadAsync(Guid userId, CancellationToken ct) =>
        WriteAsync("UPDATE notifications SET is_read = 1 WHERE user_id = $u AND is_read = 0", userId, null, ct);

    public Task RemoveUserAsync(Guid userId, CancellationToken ct) =>
        WriteAsync("DELETE FROM notifications WHERE user_id = $u", userId, null, ct);

    private Task<int> WriteAsync(string sql, Guid userId, byte[]? key, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var command = c.Command(sql, t).With("$u", userId).With("$key", key).With("$now", database.Now);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

    private static async Task<List<Notification>> ReadAllAsync(SqliteCommand select, CancellationToken ct)
    {
        await using var reader = await select.ExecuteReaderAsync(ct);
        var items = new List<Notification>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(new Notification(reader.GetId(0), reader.GetId(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                reader.GetTime(5), reader.GetInt64(6) != 0));
        }
        return items;
    }
}
