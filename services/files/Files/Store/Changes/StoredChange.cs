using Tripmate.Outbox;

namespace Tripmate.Files.Store.Changes;

/// <summary>A small JSON object a change writes (a record, an index entry, a share).</summary>
public sealed record ObjectPut(string Key, string Json);

/// <summary>
/// One change of the bucket with the events that announce it, written as one object under
/// <see cref="BucketKeys.OutboxPrefix"/> before any of its writes (see <see cref="ChangeLog"/>).
/// Its puts and deletes are idempotent, so applying it again, once or many times, ends in the same
/// bucket: that is how a change half-applied by a crashed instance is finished.
/// </summary>
public sealed record StoredChange(
    Guid Id, DateTimeOffset At, IReadOnlyList<ObjectPut> Puts, IReadOnlyList<string> Deletes, IReadOnlyList<OutboxEnvelope> Events)
{
    public string Key => BucketKeys.OutboxChange(At, Id);
}
