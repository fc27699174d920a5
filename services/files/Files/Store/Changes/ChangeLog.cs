using System.Collections.Concurrent;
using System.Text.Json;
using Tripmate.Contracts;
using Tripmate.Outbox;

namespace Tripmate.Files.Store.Changes;

/// <summary>
/// How every change of the bucket is made, since S3 has no transaction across objects:
/// <list type="number">
/// <item>the change (its object writes and its events) is written as one object in the outbox
/// prefix: from then on it is committed;</item>
/// <item>its writes are applied (puts, then deletes);</item>
/// <item>the relay is woken; before publishing a change's events it applies the change again
/// (<see cref="S3OutboxStore"/>), and deletes the outbox object only once the broker confirmed them.</item>
/// </list>
/// A crash between any two writes is repaired that way: a crash before step 1 leaves nothing
/// committed (an upload's bytes are removed by the pending-upload sweep); after it, the relay
/// finishes the writes, whichever instance runs it and however late. So a file and its event can
/// never disagree for longer than the relay takes, and no event is lost while RabbitMQ is away.
/// Changes are applied in commit order by the relay, so the bucket converges to the last change
/// even when an old one is re-applied after a newer one was.
/// <para>
/// The relay does not re-apply what a request of this instance applied completely
/// (<see cref="WasAppliedHere"/>), and leaves another instance's change alone for
/// <see cref="ApplyGrace"/>, while its request may still be applying it: rewriting an object while
/// a reader reads it is harmless on S3, but not on every S3-compatible server.
/// </para>
/// </summary>
public sealed class ChangeLog(Bucket bucket, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>Longer than a request takes to apply a change it committed; after it, a change not applied here is repaired.</summary>
    public static readonly TimeSpan ApplyGrace = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, byte> _appliedHere = new();

    /// <summary>Commits and applies a change; its events go out through the outbox.</summary>
    public async Task CommitAsync(IReadOnlyList<ObjectPut> puts, IReadOnlyList<string> deletes, IEnumerable<IntegrationEvent> events, CancellationToken ct)
    {
        var change = new StoredChange(Guid.CreateVersion7(), clock.GetUtcNow(), puts, deletes, OutboxEnvelope.From(events));
        await bucket.PutJsonAsync(change.Key, change, ct);
        await ApplyAsync(change, ct);
        _appliedHere.TryAdd(change.Id, 0);
        signal.Notify();
    }

    /// <summary>A request of this instance applied the change completely: nothing to repair.</summary>
    public bool WasAppliedHere(Guid changeId) => _appliedHere.ContainsKey(changeId);

    /// <summary>The change left the outbox: forget it.</summary>
    public void Forget(Guid changeId) => _appliedHere.TryRemove(changeId, out _);

    /// <summary>Idempotent: puts the same bodies, deletes the same keys (missing ones are no error).</summary>
    public async Task ApplyAsync(StoredChange change, CancellationToken ct)
    {
        await Task.WhenAll(change.Puts.Select(put =>
            bucket.PutAsync(put.Key, System.Text.Encoding.UTF8.GetBytes(put.Json), "application/json", ct)));
        if (change.Deletes.Count > 0)
        {
            await bucket.DeleteAsync(change.Deletes, ct);
        }
    }

    public static ObjectPut Put<T>(string key, T value) => new(key, JsonSerializer.Serialize(value, JsonSerializerOptions.Web));
}
