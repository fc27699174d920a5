using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Outbox.Sqlite;

/// <summary>Event ids each consumer has handled, in the embedded store (table in <see cref="SqliteOutbox.Schema"/>), for a bounded time.</summary>
public sealed class SqliteProcessedEvents(ISqliteDatabase database, TimeProvider clock, IOptions<MessageBusOptions> options) : IProcessedEventStore
{
    public Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var select = c.Command("SELECT 1 FROM processed_events WHERE consumer = $consumer AND event_id = $id AND expires_at > $now");
            AddKey(select, consumer, eventId);
            return await select.ExecuteScalarAsync(ct) is not null;
        }, ct);

    public Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await using var insert = c.Command("""
                INSERT INTO processed_events (consumer, event_id, expires_at) VALUES ($consumer, $id, $expires)
                ON CONFLICT (consumer, event_id) DO UPDATE SET expires_at = excluded.expires_at
                """, t);
            AddKey(insert, consumer, eventId);
            insert.Parameters.AddWithValue("$expires", (clock.GetUtcNow() + options.Value.ProcessedEventRetention).ToUnixTimeMilliseconds());
            return await insert.ExecuteNonQueryAsync(ct);
        }, ct);

    private void AddKey(SqliteCommand command, string consumer, Guid eventId)
    {
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$id", eventId.ToString());
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
