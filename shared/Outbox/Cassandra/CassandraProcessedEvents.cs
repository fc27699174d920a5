using Microsoft.Extensions.Options;
using Tripmate.Cql;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Outbox.Cassandra;

/// <summary>Event ids each consumer handled, in the <c>processed_events</c> table; the TTL does the forgetting.</summary>
public sealed class CassandraProcessedEvents(ICqlExecutor db, IOptions<MessageBusOptions> options) : IProcessedEventStore
{
    public async Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        (await db.ExecuteAsync("SELECT event_id FROM processed_events WHERE consumer = ? AND event_id = ?", [consumer, eventId], ct)).Count > 0;

    public Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        db.ExecuteAsync("INSERT INTO processed_events (consumer, event_id) VALUES (?, ?) USING TTL ?",
            [consumer, eventId, (int)Math.Ceiling(options.Value.ProcessedEventRetention.TotalSeconds)], ct);
}
