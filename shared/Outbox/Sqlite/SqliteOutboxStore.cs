using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tripmate.Outbox.Sqlite;

/// <summary>
/// The relay's side of <see cref="SqliteOutbox"/>. Several processes may share one file (a scaled
/// dev setup), so events are leased in a write transaction like any other change; lease times come
/// from the service's clock, which instances on one machine share.
/// </summary>
public sealed class SqliteOutboxStore(ISqliteDatabase database, TimeProvider clock) : IOutboxStore
{
    private const string Columns = "seq, message_id, message_type, payload, occurred_at, trace_parent, attempts";

    public Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct) =>
        database.WriteAsync<IReadOnlyList<PendingEvent>>(async (c, t) =>
        {
            var now = clock.GetUtcNow();
            await using var command = c.Command($"""
                UPDATE outbox_events SET leased_until = $until
                WHERE seq IN (
                    SELECT seq FROM outbox_events
                    WHERE sent_at IS NULL AND parked_at IS NULL AND (leased_until IS NULL OR leased_until < $now)
                    ORDER BY seq LIMIT $max)
                RETURNING {Columns}
                """, t);
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", max);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var leased = new List<PendingEvent>();
            while (await reader.ReadAsync(ct))
            {
                var envelope = new OutboxEnvelope(Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.IsDBNull(5) ? null : reader.GetString(5));
                leased.Add(new PendingEvent(envelope, reader.GetInt64(0), reader.GetInt32(6)));
            }

            return [.. leased.OrderBy(e => (long)e.Position)];
        }, ct);

    public Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct) =>
        UpdateAsync(sent, "sent_at = $now, leased_until = NULL, attempts = attempts + 1, last_error = NULL", null, ct);

    public Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct) =>
        UpdateAsync(unsent, "leased_until = NULL, attempts = attempts + 1, last_error = $error", error, ct);

    public Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct) =>
        UpdateAsync([parked], "parked_at = $now, leased_until = NULL, last_error = $error", reason, ct);

    public Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var purge = c.Command("""
                DELETE FROM outbox_events WHERE sent_at < $before;
                DELETE FROM processed_events WHERE expires_at <= $now;
                """, t);
            purge.Parameters.AddWithValue("$before", sentBefore.ToUnixTimeMilliseconds());
            purge.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            return await purge.ExecuteNonQueryAsync(ct);
        }, ct);

    private Task UpdateAsync(IReadOnlyCollection<PendingEvent> events, string set, string? error, CancellationToken ct) =>
        events.Count == 0 ? Task.CompletedTask : database.WriteAsync(async (c, t) =>
        {
            await using var update = c.Command($"UPDATE outbox_events SET {set} WHERE seq IN (SELECT value FROM json_each($seqs))", t);
            update.Parameters.AddWithValue("$seqs", JsonSerializer.Serialize(events.Select(e => (long)e.Position)));
            update.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            return await update.ExecuteNonQueryAsync(ct);
        }, ct);
}
