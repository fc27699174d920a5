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
        // A HEAD, not a one-key listing: a listing walks the consumer's whole folder on s3rver (a second
        // each with a few thousand events seen) and costs S3 twelve times a HEAD's price.
        var written = await bucket.LastModifiedAsync(BucketKeys.Processed(consumer, eventId), ct);
        return written + options.Value.ProcessedEventRetention > clock.GetUtcNow();
    }

    public Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct) =>
        bucket.PutAsync(BucketKeys.Processed(consumer, eventId), ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
}
