using Microsoft.Extensions.Options;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Store;

/// <summary>
/// Event ids each consumer handled: an empty object <c>processed/{consumer}/{eventId}</c>. Its
/// age (the object's LastModified) is what expires it: the housekeeping sweep deletes those older
/// than the retention, and a lifecycle rule on the prefix may do the same in production.
/// </summary>
public sealed class S3ProcessedEvents(Bucket bucket, IOptions<MessageBusOptions> options, TimeProvider clock) : IProcessedEventStore
{
    public async Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct)
    {
        var listing = await bucket.ListAsync(BucketKeys.Processed(consumer, eventId), startAfter: null, max: 1, ct);
        return listing.Objects is [var found] && found.LastModified + options.Value.ProcessedEventRetention > clock.GetUtcNow();
    }

    public Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        bucket.PutAsync(BucketKeys.Processed(consumer, eventId), ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
}
