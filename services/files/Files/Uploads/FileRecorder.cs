using Tripmate.Contracts.Files;
using Tripmate.Files.Store;
using Tripmate.Files.Store.Changes;

namespace Tripmate.Files.Uploads;

/// <summary>
/// Makes stored bytes a file, for both upload paths. Before the first byte is written the upload
/// is marked pending (<c>pending/{id}</c>); once the bytes are complete one change writes the
/// record and the owner's index entry, removes the mark, and carries <see cref="FileUploaded"/>.
/// A crash in between leaves bytes and a mark without a record: no file, and the sweep
/// (Housekeeping/BucketSweep) deletes both once the mark is older than any upload takes.
/// </summary>
public sealed class FileRecorder(Bucket bucket, ChangeLog changes)
{
    public Task MarkPendingAsync(Guid fileId, CancellationToken ct) =>
        bucket.PutAsync(BucketKeys.Pending(fileId), ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);

    /// <summary>Best effort, after a failed upload: what stays is the sweep's to remove.</summary>
    public async Task ForgetPendingAsync(Guid fileId)
    {
        try
        {
            await bucket.DeleteAsync([BucketKeys.Pending(fileId)], CancellationToken.None);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException)
        {
            // S3 is away: the sweep finds the mark later.
        }
    }

    public async Task<FileRecord> RecordAsync(Guid fileId, Guid ownerId, string name, StoredContent content, DateTimeOffset createdAt, CancellationToken ct)
    {
        var file = new FileRecord(fileId, ownerId, name, content.Size, content.ContentType, content.Sha256, createdAt);
        await changes.CommitAsync(
            [ChangeLog.Put(BucketKeys.Record(fileId), file), ChangeLog.Put(BucketKeys.OwnerEntry(file), new { })],
            [BucketKeys.Pending(fileId)],
            [new FileUploaded(file.Id, file.OwnerId, file.Name, file.Size, file.ContentType, file.Sha256) { EventId = file.Id, OccurredAt = createdAt }],
            ct);
        return file;
    }

    /// <summary>Milliseconds, as keys and records keep time, so an answer and a later read agree.</summary>
    public static DateTimeOffset Now(TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
