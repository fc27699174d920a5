using Tripmate.Files.Store;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>
/// Sessions in the bucket, and the expiry index the sweep reads
/// (<c>upload-expiry/{expires}-{id}</c>: oldest first, so the sweep stops at the first valid one).
/// </summary>
public sealed class UploadSessions(Bucket bucket)
{
    public Task<UploadSession?> FindAsync(Guid uploadId, CancellationToken ct) =>
        bucket.GetJsonAsync<UploadSession>(BucketKeys.UploadSession(uploadId), ct);

    /// <summary>The index entry first: a session it does not list could never be swept.</summary>
    public async Task CreateAsync(UploadSession session, CancellationToken ct)
    {
        await bucket.PutAsync(BucketKeys.UploadExpiry(session.ExpiresAt, session.Id), ReadOnlyMemory<byte>.Empty, "application/octet-stream", ct);
        await SaveAsync(session, ct);
    }

    public Task SaveAsync(UploadSession session, CancellationToken ct) => bucket.PutJsonAsync(BucketKeys.UploadSession(session.Id), session, ct);

    /// <summary>Everything of the session (staged chunks, state, index entry); the session last, so a failure midway leaves it findable.</summary>
    public async Task DeleteAsync(UploadSession session, CancellationToken ct)
    {
        var staged = new List<string>();
        await foreach (var chunk in bucket.ListAllAsync(BucketKeys.StagedChunks(session.Id), ct))
        {
            staged.Add(chunk.Key);
        }

        await bucket.DeleteAsync(staged, ct);
        await bucket.DeleteAsync([BucketKeys.UploadSession(session.Id), BucketKeys.UploadExpiry(session.ExpiresAt, session.Id)], ct);
    }
}
