using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Cql;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// Notifications in one partition per user, newest first, each row written with a TTL so the
/// partition holds at most the TTL's worth. Unread counts are counted from that bounded partition
/// rather than kept in a counter: counters cannot expire, so one would drift as rows expire.
/// </summary>
public sealed class CassandraNotificationStore(CassandraDatabase db, IOptions<MessagingStoreOptions> options) : INotificationStore
{
    private const string Columns = "user_id, notification_id, kind, body, data, created_at, is_read";
    private const string SelectPage = $"SELECT {Columns} FROM notifications_by_user WHERE user_id = ?";
    private const string SelectPageBefore = $"SELECT {Columns} FROM notifications_by_user WHERE user_id = ? AND notification_id < ?";
    private const string SetRead = "UPDATE notifications_by_user USING TTL ? SET is_read = true WHERE user_id = ? AND notification_id = ?";

    public async Task<bool> AddAsync(Notification notification, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        // Read first: a plain INSERT of a redelivered event would make a read notification unread
        // again and restart its TTL; redeliveries come one after another, so no Paxos is needed.
        var existing = await db.ExecuteAsync("SELECT notification_id FROM notifications_by_user WHERE user_id = ? AND notification_id = ?",
            [notification.UserId, notification.Id], ct);
        if (existing.Count > 0)
        {
            return false;
        }
        await db.BatchAsync(
        [
            ($"INSERT INTO notifications_by_user ({Columns}) VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?",
            [
                notification.UserId, notification.Id, notification.Type, notification.Text,
                notification.Data.ToDictionary(entry => entry.Key, entry => entry.Value), notification.CreatedAt, notification.IsRead,
                CassandraMessageStore.TtlSeconds(options.Value.NotificationTtl),
            ]),
        ], events, ct);
        return true;
    }

    public async Task<Slice<Notification, NotificationPosition>> ListAsync(
        Guid userId, bool unreadOnly, NotificationPosition? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var (cql, values) = after is { } position ? (SelectPageBefore, new object?[] { userId, position.NotificationId }) : (SelectPage, [userId]);
        var items = new List<Notification>(limit + 1);
        // Unread-only filters here, not with ALLOW FILTERING: the partition is bounded by the TTL.
        await foreach (var row in db.ReadAllAsync(cql, values, ct, pageSize: limit + 1))
        {
            var notification = Read(row);
            if (!unreadOnly || !notification.IsRead)
            {
                items.Add(notification);
            }
            if (items.Count > limit)
            {
                items.RemoveAt(limit);
                return new Slice<Notification, NotificationPosition>(items, new NotificationPosition(items[^1].Id));
            }
        }
        return new Slice<Notification, NotificationPosition>(items, null);
    }

    public async Task<IReadOnlyList<Notification>> ListAfterAsync(Guid userId, Guid after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = await db.ExecuteAsync(
            $"SELECT {Columns} FROM notifications_by_user WHERE user_id = ? AND notification_id > ? ORDER BY notification_id ASC LIMIT ?",
            [userId, after, limit], ct);
        return rows.Select(Read).ToList();
    }

    public async Task<long> CountUnreadAsync(Guid userId, CancellationToken ct)
    {
        var count = 0L;
        await foreach (var row in db.ReadAllAsync("SELECT is_read FROM notifications_by_user WHERE user_id = ?", [userId], ct))
        {
            count += row.Get<bool>("is_read") ? 0 : 1;
        }
        return count;
    }

    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct)
    {
        var rows = await db.ExecuteAsync(
            "SELECT notification_id, is_read, TTL(kind) AS remaining FROM notifications_by_user WHERE user_id = ? AND notification_id = ?",
            [userId, notificationId], ct);
        if (rows.Count == 0)
        {
            return false;
        }
        await SetReadAsync(userId, rows[0], ct);
        return true;
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        await foreach (var row in db.ReadAllAsync(
            "SELECT notification_id, is_read, TTL(kind) AS remaining FROM notifications_by_user WHERE user_id = ?", [userId], ct))
        {
            await SetReadAsync(userId, row, ct);
        }
    }

    /// <summary>
    /// The flag is written with the row's remaining TTL: an UPDATE without one would outlive the
    /// row and leave a half row behind when the rest expires.
    /// </summary>
    private async Task SetReadAsync(Guid userId, Row row, CancellationToken ct)
    {
        if (!row.Get<bool>("is_read") && row.Get<int?>("remaining") is int remaining and > 0)
        {
            await db.ExecuteAsync(SetRead, [remaining, userId, row.Get<Guid>("notification_id")], ct);
        }
    }

    public Task RemoveUserAsync(Guid userId, CancellationToken ct) =>
        db.ExecuteAsync("DELETE FROM notifications_by_user WHERE user_id = ?", [userId], ct);

    private static Notification Read(Row row) => new(
        row.Get<Guid>("user_id"),
        row.Get<Guid>("notification_id"),
        row.Get<string>("kind")!,
        row.Get<string>("body")!,
        row.GetMap<string, string>("data").ToDictionary(entry => entry.Key, entry => entry.Value ?? ""),
        row.Get<DateTimeOffset>("created_at"),
        row.Get<bool>("is_read"));
}
