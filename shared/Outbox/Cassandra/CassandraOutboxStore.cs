using Tripmate.Cql;

namespace Tripmate.Outbox.Cassandra;

/// <summary>
/// The relay's side of <see cref="CassandraOutbox"/>. Each relay instance leases shards (a
/// lightweight transaction with a TTL, renewed while it works) and reads pending rows partition by
/// partition; sending deletes a row. Rows of a shard another instance holds are that instance's,
/// so two healthy instances never publish one event twice.
/// </summary>
/// <remarks>
/// Reads start a minute before the newest row sent from the shard (<see cref="SafetyWindow"/>),
/// so the tombstones of older sent rows are never scanned; a row written that late (clock skew
/// between instances, a batch replayed from the batchlog) is still found by the full pass that
/// runs every <see cref="FullPassInterval"/>.
/// </remarks>
public sealed class CassandraOutboxStore(ICqlExecutor db, TimeProvider clock) : IOutboxStore
{
    public static readonly TimeSpan SafetyWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan FullPassInterval = TimeSpan.FromMinutes(10);

    private readonly Guid _owner = Guid.NewGuid();
    private readonly Dictionary<int, DateTimeOffset> _leasedUntil = [];
    private readonly Dictionary<int, DateTimeOffset> _readFrom = [];
    private readonly HashSet<Position> _inFlight = []; // leased by this relay, not yet sent, released or parked
    private DateTimeOffset _nextFullPass;
    private int _nextShard;

    public sealed record Position(int Shard, DateTimeOffset OccurredAt, Guid MessageId);

    public async Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now >= _nextFullPass)
        {
            _readFrom.Clear();
            _nextFullPass = now + FullPassInterval;
        }

        var pending = new List<PendingEvent>();
        // Round robin from where the last call stopped, so a busy shard cannot starve the others.
        for (var i = 0; i < CassandraOutbox.Shards && pending.Count < max; i++)
        {
            var shard = (_nextShard + i) % CassandraOutbox.Shards;
            if (await HoldAsync(shard, lease, now, ct))
            {
                pending.AddRange(await ReadAsync(shard, max - pending.Count, ct));
            }
        }

        _nextShard = (_nextShard + 1) % CassandraOutbox.Shards;
        return pending;
    }

    /// <summary>Takes or renews the shard's lease; renewed at half its time, so it never lapses while in use.</summary>
    private async Task<bool> HoldAsync(int shard, TimeSpan lease, DateTimeOffset now, CancellationToken ct)
    {
        if (_leasedUntil.TryGetValue(shard, out var until) && until - now > lease / 2)
        {
            return true;
        }

        var ttl = (int)Math.Ceiling(lease.TotalSeconds);
        var result = _leasedUntil.ContainsKey(shard)
            ? await db.ExecuteAsync("UPDATE outbox_leases USING TTL ? SET owner = ? WHERE shard = ? IF owner = ?", [ttl, _owner, shard, _owner], ct)
            : await db.ExecuteAsync("INSERT INTO outbox_leases (shard, owner) VALUES (?, ?) IF NOT EXISTS USING TTL ?", [shard, _owner, ttl], ct);
        if (result.Count > 0 && result[0].Get<bool>("[applied]"))
        {
            _leasedUntil[shard] = now + lease;
            return true;
        }

        _leasedUntil.Remove(shard);
        _readFrom.Remove(shard);
        return false;
    }

    private async Task<List<PendingEvent>> ReadAsync(int shard, int limit, CancellationToken ct)
    {
        var from = _readFrom.GetValueOrDefault(shard, DateTimeOffset.UnixEpoch);
        var rows = await db.ExecuteAsync("""
            SELECT occurred_at, message_id, message_type, payload, trace_parent FROM outbox_events
            WHERE shard = ? AND occurred_at >= ? LIMIT ?
            """, [shard, from, limit], ct);
        var pending = new List<PendingEvent>();
        foreach (var row in rows)
        {
            var position = new Position(shard, row.Get<DateTimeOffset>("occurred_at"), row.Get<Guid>("message_id"));
            if (_inFlight.Add(position))
            {
                var envelope = new OutboxEnvelope(position.MessageId, row.Get<string>("message_type")!, row.Get<string>("payload")!,
                    position.OccurredAt, row.Get<string>("trace_parent"));
                pending.Add(new PendingEvent(envelope, position));
            }
        }

        return pending;
    }

    public async Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct)
    {
        Settle(sent);
        foreach (var shard in sent.Select(e => (Position)e.Position).GroupBy(p => p.Shard))
        {
            // One partition: an unlogged batch is a single mutation there, atomic and cheap.
            await db.BatchAsync(shard.Select(p => (
                "DELETE FROM outbox_events WHERE shard = ? AND occurred_at = ? AND message_id = ?",
                new object?[] { p.Shard, p.OccurredAt, p.MessageId })), ct, BatchType.Unlogged);
            var newest = shard.Max(p => p.OccurredAt) - SafetyWindow;
            if (newest > _readFrom.GetValueOrDefault(shard.Key, DateTimeOffset.UnixEpoch))
            {
                _readFrom[shard.Key] = newest;
            }
        }
    }

    /// <summary>Nothing to write: the rows stay where they are, and this instance keeps its lease to retry them.</summary>
    public Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct)
    {
        Settle(unsent);
        return Task.CompletedTask;
    }

    public Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct)
    {
        Settle([parked]);
        var (position, e) = ((Position)parked.Position, parked.Event);
        return db.BatchAsync(
        [
            ("""
             INSERT INTO outbox_parked (message_id, message_type, payload, occurred_at, trace_parent, reason, parked_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             """, [e.MessageId, e.MessageType, e.Payload, e.OccurredAt, e.TraceParent ?? (object)CqlUnset.Value, reason, clock.GetUtcNow()]),
            ("DELETE FROM outbox_events WHERE shard = ? AND occurred_at = ? AND message_id = ?", [position.Shard, position.OccurredAt, position.MessageId]),
        ], ct);
    }

    private void Settle(IEnumerable<PendingEvent> events)
    {
        foreach (var e in events)
        {
            _inFlight.Remove((Position)e.Position);
        }
    }

    /// <summary>Sent rows are deleted when sent.</summary>
    public Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct) => Task.CompletedTask;
}
