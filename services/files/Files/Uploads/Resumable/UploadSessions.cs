using Tripmate.Files.Store;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>
/// Sessions in the bucket, and the expiry index the sweep reads
/// (<c>upload-expiry/{expires}-{id}</c>: oldest first, so the sweep stops at the first valid one).
/// </summary>
public sealed class UploadSessions(Bucket bucket, TimeProvider clock)
{
    /// <summary>A claim older than this was left by a request that died (the gateway gives uploads 5 minutes).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(6);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, long), byte> _claimedHere = new();

    /// <summary>
    /// The right to append at the session's offset, or null when another request holds it: first
    /// among this instance's requests, then in the bucket (<see cref="Bucket.TryCreateAsync"/>: across
    /// instances where the store has conditional writes). Dispose it when the PATCH is done.
    /// </summary>
    public async Task<IAsyncDisposable?> ClaimAsync(UploadSession session, CancellationToken ct)
    {
        var slot = (session.Id, session.Offset);
        if (!_claimedHere.TryAdd(slot, 0))
        {
            return null;
        }

        var key = BucketKeys.UploadClaim(session.Id, session.Offset);
        var body = System.Text.Encoding.UTF8.GetBytes($"{{\"at\":\"{clock.GetUtcNow():O}\"}}");
        var claimed = await bucket.TryCreateAsync(key, body, ct)
            || (await bucket.VersionAsync(key, ct) is { } stale && stale.LastModified < clock.GetUtcNow() - ClaimTimeout
                && await bucket.TryReplaceAsync(key, body, stale.ETag, ct));
        if (!claimed)
        {
            _claimedHere.TryRemove(slot, out _);
            return null;
        }

        return new Claim(this, slot, key);
    }

    private async Task ReleaseAsync((Guid, long) slot, string key)
    {
        try
        {
            await bucket.DeleteAsync([key], CancellationToken.None);
        }
        finally
        {
            _claimedHere.TryRemove(slot, out _);
        }
    }

    private sealed class Claim(UploadSessions sessions, (Guid, long) slot, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await sessions.ReleaseAsync(slot, key);
    }

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
