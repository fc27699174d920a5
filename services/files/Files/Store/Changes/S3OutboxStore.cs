using System.Text.Json;
using Tripmate.Outbox;

namespace Tripmate.Files.Store.Changes;

/// <summary>
/// The relay's side of <see cref="ChangeLog"/>. Leases changes oldest first from one prefix
/// listing, applies each again (finishing what a crashed request left half done) and hands its
/// events to the relay; once every event of a change is confirmed or parked, the change object
/// and its lease are deleted. Instances share the work through lease objects, taken by
/// compare-and-set where the store has conditional writes (S3, MinIO: <c>If-None-Match: *</c> for a
/// free change, <c>If-Match</c> on an expired lease), so one instance alone applies and announces a
/// change. Without them (s3rver) a lease is written, left <see cref="LeaseSettle"/> for racing
/// writers to land, and read back: the last writer holds it. That holds while a read-then-write
/// takes less than the settle time (milliseconds against 250 ms); should it not, a change's events
/// go out twice and consumers drop the second copy by event id.
/// </summary>
public sealed class S3OutboxStore(Bucket bucket, ChangeLog changes, TimeProvider clock) : IOutboxStore
{
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Dictionary<Guid, InFlight> _inFlight = []; // changes leased here, not yet done
    private readonly Lock _lock = new();

    private sealed record Lease(Guid Owner, DateTimeOffset Until);

    private sealed class InFlight(StoredChange change)
    {
        public StoredChange Change { get; } = change;

        public HashSet<Guid> Settled { get; } = [];

        public bool Done => Change.Events.All(e => Settled.Contains(e.MessageId));
    }

    public sealed record Position(Guid ChangeId);

    public async Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var listing = await bucket.ListAsync(BucketKeys.OutboxPrefix, startAfter: null, Math.Min(1000, Math.Max(max, 10)), ct);
        var pending = new List<PendingEvent>();
        foreach (var listed in listing.Objects)
        {
            if (pending.Count >= max)
            {
                break;
            }

            if (!TryChangeIdOf(listed.Key, out var changeId) || IsInFlight(changeId)
                || (!changes.WasAppliedHere(changeId) && listed.LastModified > clock.GetUtcNow() - ChangeLog.ApplyGrace)
                || !await TakeAsync(changeId, lease, ct))
            {
                continue; // another instance's request may still be applying it
            }

            var change = await ReadAsync(listed.Key, ct);
            if (change is null)
            {
                await bucket.DeleteAsync([BucketKeys.OutboxLease(changeId)], ct); // sent meanwhile by another instance
                continue;
            }

            if (!changes.WasAppliedHere(changeId))
            {
                await changes.ApplyAsync(change, ct); // its request died mid-way: finish it before announcing it
            }

            if (change.Events.Count == 0)
            {
                await bucket.DeleteAsync([listed.Key, BucketKeys.OutboxLease(changeId)], ct);
                changes.Forget(changeId);
                continue;
            }

            lock (_lock)
            {
                _inFlight[changeId] = new InFlight(change);
            }

            pending.AddRange(change.Events.Select(e => new PendingEvent(e, new Position(changeId))));
        }

        return pending;
    }

    public Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct) => SettleAsync(sent, ct);

    public async Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct)
    {
        await bucket.PutJsonAsync(BucketKeys.OutboxParked(parked.Event.MessageId), new { parked.Event, Reason = reason, ParkedAt = clock.GetUtcNow() }, ct);
        await SettleAsync([parked], ct);
    }

    /// <summary>Forgets the leases here and removes their objects, so this instance (or another) retries the whole change.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct)
    {
        var changeIds = unsent.Select(e => ((Position)e.Position).ChangeId).Distinct().ToList();
        lock (_lock)
        {
            changeIds.ForEach(id => _inFlight.Remove(id));
        }

        await bucket.DeleteAsync(changeIds.Select(BucketKeys.OutboxLease), ct);
    }

    /// <summary>Change objects are deleted once relayed; nothing is kept to purge.</summary>
    public Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct) => Task.CompletedTask;

    private async Task SettleAsync(IReadOnlyCollection<PendingEvent> events, CancellationToken ct)
    {
        var done = new List<StoredChange>();
        lock (_lock)
        {
            foreach (var e in events)
            {
                if (_inFlight.TryGetValue(((Position)e.Position).ChangeId, out var inFlight))
                {
                    inFlight.Settled.Add(e.Event.MessageId);
                    if (inFlight.Done)
                    {
                        _inFlight.Remove(inFlight.Change.Id);
                        done.Add(inFlight.Change);
                    }
                }
            }
        }

        await bucket.DeleteAsync(done.SelectMany(c => new[] { c.Key, BucketKeys.OutboxLease(c.Id) }), ct);
        done.ForEach(c => changes.Forget(c.Id));
    }

    /// <summary>Without conditional writes: how long a written lease waits for racing writers before it is read back.</summary>
    public static readonly TimeSpan LeaseSettle = TimeSpan.FromMilliseconds(250);

    /// <summary>Takes the change's lease unless another instance holds one that has not expired.</summary>
    private async Task<bool> TakeAsync(Guid changeId, TimeSpan lease, CancellationToken ct)
    {
        var key = BucketKeys.OutboxLease(changeId);
        var now = clock.GetUtcNow();
        var (held, etag) = await bucket.GetJsonVersionAsync<Lease>(key, ct);
        if (held is not null && held.Owner != _owner && held.Until > now)
        {
            return false;
        }

        var mine = JsonSerializer.SerializeToUtf8Bytes(new Lease(_owner, now + lease), JsonSerializerOptions.Web);
        if (bucket.ConditionalWrites)
        {
            return held is null ? await bucket.TryCreateAsync(key, mine, ct) : await bucket.TryReplaceAsync(key, mine, etag!, ct);
        }

        await bucket.PutAsync(key, mine, "application/json", ct);
        await Task.Delay(LeaseSettle, clock, ct);
        return (await bucket.GetJsonAsync<Lease>(key, ct))?.Owner == _owner;
    }

    private async Task<StoredChange?> ReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return await bucket.GetJsonAsync<StoredChange>(key, ct);
        }
        catch (JsonException e)
        {
            // Not a change this service wrote: kept aside for an operator, never retried.
            await bucket.PutJsonAsync(key.Replace(BucketKeys.OutboxPrefix, "outbox/unreadable/", StringComparison.Ordinal),
                new { Key = key, Reason = e.Message }, ct);
            await bucket.DeleteAsync([key], ct);
            return null;
        }
    }

    private bool IsInFlight(Guid changeId)
    {
        lock (_lock)
        {
            return _inFlight.ContainsKey(changeId);
        }
    }

    private static bool TryChangeIdOf(string key, out Guid changeId) =>
        Guid.TryParseExact(key.EndsWith(".json", StringComparison.Ordinal) && key.Length >= 41 ? key[^41..^5] : "", "D", out changeId);
}
