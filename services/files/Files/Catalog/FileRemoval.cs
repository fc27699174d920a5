using Tripmate.Contracts.Files;
using Tripmate.Files.Store;
using Tripmate.Files.Store.Changes;

namespace Tripmate.Files.Catalog;

/// <summary>
/// Deleting files and shares, as changes of the change log: the record goes with its bytes, its
/// owner's index entry, every share and every shared-with entry, and a <see cref="FileDeleted"/>.
/// Deleting what is already gone is no error, so a replayed deletion changes nothing.
/// </summary>
public sealed class FileRemoval(Bucket bucket, FileCatalog catalog, ChangeLog changes, TimeProvider clock)
{
    /// <summary>Files per change: each change is one object, kept small however many files a user has.</summary>
    private const int FilesPerChange = 50;

    public Task DeleteAsync(FileRecord file, CancellationToken ct) => DeleteAsync([file], ct);

    public async Task DeleteAsync(IReadOnlyList<FileRecord> files, CancellationToken ct)
    {
        foreach (var batch in files.Chunk(FilesPerChange))
        {
            var deletes = new List<string>();
            foreach (var file in batch)
            {
                deletes.AddRange([BucketKeys.Record(file.Id), BucketKeys.OwnerEntry(file), BucketKeys.Content(file.Id)]);
                foreach (var share in await catalog.SharesAsync(file.Id, ct))
                {
                    deletes.AddRange([BucketKeys.Share(file.Id, share.Target), BucketKeys.SharedWithEntry(share.Target, file)]);
                }
            }

            var now = clock.GetUtcNow();
            await changes.CommitAsync([], deletes,
                batch.Select(f => new FileDeleted(f.Id, f.OwnerId) { EventId = DeletionEventId(f), OccurredAt = now }), ct);
        }
    }

    /// <summary>Every file the user owns (their deletion): the owner's list, 1,000 keys a listing, deleted in batches.</summary>
    public async Task DeleteOwnedByAsync(Guid ownerId, CancellationToken ct)
    {
        var files = new List<FileRecord>();
        await foreach (var entry in bucket.ListAllAsync(BucketKeys.OwnedBy(ownerId), ct))
        {
            if (BucketKeys.TryFileIdOfEntry(entry.Key, out var fileId) && await catalog.FindAsync(fileId, ct) is { } file)
            {
                files.Add(file);
            }
            else
            {
                await bucket.DeleteAsync([entry.Key], ct); // an entry left by an older crash: nothing to announce
            }
        }

        await DeleteAsync(files, ct);
    }

    /// <summary>Every share with the target (a deleted user or group), and its shared-with entries.</summary>
    public async Task DropSharesWithAsync(ShareTarget target, CancellationToken ct)
    {
        var deletes = new List<string>();
        await foreach (var entry in bucket.ListAllAsync(BucketKeys.SharedWith(target), ct))
        {
            deletes.Add(entry.Key);
            if (BucketKeys.TryFileIdOfEntry(entry.Key, out var fileId))
            {
                deletes.Add(BucketKeys.Share(fileId, target));
            }
        }

        if (deletes.Count > 0)
        {
            await changes.CommitAsync([], deletes, [], ct);
        }
    }

    /// <summary>One id per file's deletion, so two deletions of one file (a retry, a race) are one event to consumers.</summary>
    private static Guid DeletionEventId(FileRecord file)
    {
        Span<byte> bytes = stackalloc byte[16];
        file.Id.TryWriteBytes(bytes);
        bytes[0] ^= 0xDE; // any fixed change: not the file's own id, which is its FileUploaded's
        return new Guid(bytes);
    }
}
