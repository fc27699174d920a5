namespace Tripmate.Files.Store;

/// <summary>
/// Puts one empty <c>.keep</c> object in each folder that is written and emptied many times a
/// second (the outbox, pending marks). S3 has no folders and needs none of this; s3rver keeps keys
/// as files and removes a folder when its last object goes, so a write racing that removal fails,
/// and once crashed the server itself (measured: an unhandled ENOENT in its write stream). A folder
/// that is never empty is never removed. Readers of these prefixes skip the marker: it is no id.
/// Written at start-up (<see cref="FilesStoreExtensions.InitializeFilesStoreAsync"/>).
/// </summary>
public sealed class KeptFolders(Bucket bucket, ILogger<KeptFolders> logger)
{
    public const string Marker = ".keep";

    private static readonly string[] Folders = [BucketKeys.OutboxPrefix, "outbox/leases/", BucketKeys.PendingPrefix];

    public async Task WriteMarkersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Folders.Select(folder =>
                bucket.PutAsync(folder + Marker, ReadOnlyMemory<byte>.Empty, "application/octet-stream", cancellationToken)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: S3 needs no markers, and the readiness check reports a bucket that does not answer.
            logger.LogWarning(e, "Could not write the folder markers of bucket {Bucket}.", bucket.Name);
        }
    }
}
