using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Files.Store;

/// <summary>
/// Where a page of a file list ends: the last entry's name within its list (<c>{inverted time}-{file id}</c>).
/// Entry names order files the same way in every list, so one position also continues a merge of lists.
/// </summary>
public sealed record FileListPosition(string After)
{
    public static bool IsValid(FileListPosition position) =>
        position.After.Length == 50 && BucketKeys.TryFileIdOfEntry(position.After, out _) && position.After.All(c => c is '-' || char.IsAsciiHexDigit(c));
}

/// <summary>
/// Reads of the bucket's records and lists. A list is one prefix listing of index entries
/// (<see cref="BucketKeys"/>), then the records of the files on the page, fetched together; an entry
/// whose record is gone (a delete in progress) is left out.
/// </summary>
public sealed class FileCatalog(Bucket bucket)
{
    public Task<FileRecord?> FindAsync(Guid fileId, CancellationToken ct) => bucket.GetJsonAsync<FileRecord>(BucketKeys.Record(fileId), ct);

    /// <param name="prefixes">
    /// The lists (<see cref="BucketKeys.OwnedBy"/>, <see cref="BucketKeys.SharedWith"/>): one listing each,
    /// merged by entry name, a file in several of them once.
    /// </param>
    public async Task<Slice<FileRecord, FileListPosition>> ListAsync(
        IReadOnlyList<string> prefixes, FileListPosition? after, int limit, CancellationToken ct)
    {
        var listings = await Task.WhenAll(prefixes.Select(prefix =>
            bucket.ListAsync(prefix, after is null ? null : prefix + after.After, limit + 1, ct)));
        var entries = listings.SelectMany((listing, i) => listing.Objects.Select(o => o.Key[prefixes[i].Length..]))
            .Where(entry => BucketKeys.TryFileIdOfEntry(entry, out _))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
        var page = Slice.FromOverfetch(entries, limit, entry => new FileListPosition(entry));
        var records = await Task.WhenAll(page.Items.Select(async entry =>
            BucketKeys.TryFileIdOfEntry(entry, out var fileId) ? await FindAsync(fileId, ct) : null));
        return new Slice<FileRecord, FileListPosition>([.. records.OfType<FileRecord>()], page.Next);
    }

/// <summary>Every share of the file (bounded by <see cref="FilesOptions.MaxSharesPerFile"/>), in key order: users, then groups.</summary>
    public async Task<IReadOnlyList<ShareRecord>> SharesAsync(Guid fileId, CancellationToken ct)
    {
        var shares = new List<ShareRecord>();
        await foreach (var listed in bucket.ListAllAsync(BucketKeys.SharesOf(fileId), ct))
        {
            var parts = listed.Key[BucketKeys.SharesOf(fileId).Length..].Split('/');
            if (parts is [var kind and (ShareTarget.UserKind or ShareTarget.GroupKind), var id] && Guid.TryParse(id, out var targetId))
            {
                shares.Add(new ShareRecord(fileId, new ShareTarget(kind, targetId), listed.LastModified));
            }
        }

        return shares;
    }

    public Task<bool> IsSharedWithAsync(Guid fileId, ShareTarget target, CancellationToken ct) =>
        bucket.ExistsAsync(BucketKeys.Share(fileId, target), ct);
}
