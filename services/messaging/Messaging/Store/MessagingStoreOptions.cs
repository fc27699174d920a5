namespace Tripmate.Messaging.Store;

/// <summary>Store settings shared by both stores (section <c>Messaging</c>).</summary>
public sealed class MessagingStoreOptions
{
    public const string Section = "Messaging";

    /// <summary>Where the embedded store keeps its file; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The time window of one message partition. A day keeps even a busy conversation's partition
    /// small (thousands of rows) while a page read rarely needs more than one or two buckets.
    /// Changing it for existing data would orphan old buckets: choose it once.
    /// </summary>
    public TimeSpan BucketSize { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a notification is kept.</summary>
    public TimeSpan NotificationTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a sender's idempotency key is remembered.</summary>
    public TimeSpan IdempotencyKeyTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Bucket of a message (or any time-based id): whole windows since the Unix epoch.</summary>
    public long BucketOf(Guid timeUuid) => BucketOf(TimeUuid.GetTimestamp(timeUuid));

    public long BucketOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeMilliseconds() / BucketSize.TotalMilliseconds);
}
