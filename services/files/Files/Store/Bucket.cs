using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Tripmate.Files.Store;

/// <summary>An object as a prefix listing shows it.</summary>
public sealed record ListedObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>One page of a prefix listing, in key order; <see cref="Truncated"/> when more follow the last key.</summary>
public sealed record Listing(IReadOnlyList<ListedObject> Objects, bool Truncated);

/// <summary>
/// The service's bucket and the few operations the store is made of. Every write sends its body
/// unchunked (<see cref="Unchunked"/>): AWSSDK.S3 4.x otherwise sends <c>aws-chunked</c> bodies,
/// which s3rver stores with the chunk framing inside the object (infra-facts, measured).
/// </summary>
public sealed class Bucket(IAmazonS3 s3, IOptions<S3Options> options)
{
    /// <summary>DeleteObjects takes at most this many keys.</summary>
    public const int MaxDeleteBatch = 1000;

    public string Name { get; } = options.Value.Bucket;

    public IAmazonS3 Client => s3;

    public Task PutAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken ct) =>
        s3.PutObjectAsync(Unchunked(new PutObjectRequest
        {
            BucketName = Name,
            Key = key,
            InputStream = new MemoryStream(body.ToArray(), writable: false),
            ContentType = contentType,
        }), ct);

    public Task PutJsonAsync<T>(string key, T value, CancellationToken ct) =>
        PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web), "application/json", ct);

    /// <summary>Whether writes below are compare-and-set across instances (<see cref="S3Options.ConditionalWrites"/>).</summary>
    public bool ConditionalWrites { get; } = options.Value.ConditionalWrites;

    /// <summary>
    /// Writes the object only if none has the key, and says whether it did: <c>If-None-Match: *</c>
    /// where the store honours it, so exactly one of any number of racing writers wins, whichever
    /// instance it runs in. Without conditional writes (s3rver) a HEAD then a PUT under a lock of this
    /// process: one winner among this instance's writers, none promised across instances.
    /// </summary>
    public async Task<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        if (ConditionalWrites)
        {
            return await ConditionallyAsync(new PutObjectRequest { IfNoneMatch = "*" }, key, body, ct);
        }

        using var held = await _keyLocks.LockAsync(key, ct);
        if (await ExistsAsync(key, ct))
        {
            return false;
        }

        await PutAsync(key, body, "application/json", ct);
        return true;
    }

    /// <summary>Replaces the object only if it is still the version read (<paramref name="etag"/>): <c>If-Match</c>, else as <see cref="TryCreateAsync"/>.</summary>
    public async Task<bool> TryReplaceAsync(string key, ReadOnlyMemory<byte> body, string etag, CancellationToken ct)
    {
        if (ConditionalWrites)
        {
            return await ConditionallyAsync(new PutObjectRequest { IfMatch = etag }, key, body, ct);
        }

        using var held = await _keyLocks.LockAsync(key, ct);
        if (await VersionAsync(key, ct) is not { } current || current.ETag != etag)
        {
            return false;
        }

        await PutAsync(key, body, "application/json", ct);
        return true;
    }

    /// <summary>The object's ETag and write time (one HEAD), or null when there is no such object.</summary>
    public async Task<(string ETag, DateTimeOffset LastModified)?> VersionAsync(string key, CancellationToken ct)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Name, key, ct);
            return (metadata.ETag, new DateTimeOffset(metadata.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private readonly KeyLocks _keyLocks = new();

    private async Task<bool> ConditionallyAsync(PutObjectRequest request, string key, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        request.BucketName = Name;
        request.Key = key;
        request.InputStream = new MemoryStream(body.ToArray(), writable: false);
        request.ContentType = "application/json";
        try
        {
            await s3.PutObjectAsync(Unchunked(request), ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            // 412: another version is there (or none, for If-Match); 409: a racing conditional write won.
            return false;
        }
    }

    /// <summary>A few locks striped by key: this process's writers of one key take turns.</summary>
    private sealed class KeyLocks
    {
        private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

        public async Task<IDisposable> LockAsync(string key, CancellationToken ct)
        {
            var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length];
            await stripe.WaitAsync(ct);
            return new Release(stripe);
        }

        private sealed class Release(SemaphoreSlim stripe) : IDisposable
        {
            public void Dispose() => stripe.Release();
        }
    }

    /// <summary>The object's JSON, or null when there is no such object.</summary>
    public async Task<T?> GetJsonAsync<T>(string key, CancellationToken ct) where T : class
    {
        try
        {
            using var response = await s3.GetObjectAsync(Name, key, ct);
            return await JsonSerializer.DeserializeAsync<T>(response.ResponseStream, JsonSerializerOptions.Web, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The object's JSON and ETag (for <see cref="TryReplaceAsync"/>), or nulls when there is no such object.</summary>
    public async Task<(T? Value, string? ETag)> GetJsonVersionAsync<T>(string key, CancellationToken ct) where T : class
    {
        try
        {
            using var response = await s3.GetObjectAsync(Name, key, ct);
            return (await JsonSerializer.DeserializeAsync<T>(response.ResponseStream, JsonSerializerOptions.Web, ct), response.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct) => await LastModifiedAsync(key, ct) is not null;

    /// <summary>When the object was written (one HEAD request), or null when there is no such object.</summary>
    public async Task<DateTimeOffset?> LastModifiedAsync(string key, CancellationToken ct)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Name, key, ct);
            return new DateTimeOffset(metadata.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Up to <paramref name="max"/> keys under <paramref name="prefix"/> after <paramref name="startAfter"/>: one request.</summary>
    public async Task<Listing> ListAsync(string prefix, string? startAfter, int max, CancellationToken ct)
    {
        // Version 1 (a marker, not a continuation token): s3rver's V2 tokens use a cipher Node 20's
        // OpenSSL refuses, so every truncated V2 listing is a 500 there. Marker is StartAfter by another name.
        var request = new ListObjectsRequest { BucketName = Name, Prefix = prefix, Marker = startAfter, MaxKeys = max };
        ListObjectsResponse response;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                response = await s3.ListObjectsAsync(request, ct);
                break;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.InternalServerError && attempt < 5)
            {
                // s3rver (not S3) fails a listing that walks a folder being removed at that moment.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }

        // SDK 4 leaves collections null when empty.
        var objects = (response.S3Objects ?? [])
            .Select(o => new ListedObject(o.Key, o.Size ?? 0, new DateTimeOffset(o.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero)))
            .ToList();
        return new Listing(objects, response.IsTruncated == true);
    }

    /// <summary>Every key under <paramref name="prefix"/>, a page of 1,000 at a time (sweeps and purges only).</summary>
    public async IAsyncEnumerable<ListedObject> ListAllAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = await ListAsync(prefix, after, MaxDeleteBatch, ct);
            foreach (var listed in page.Objects)
            {
                yield return listed;
            }

            if (!page.Truncated || page.Objects.Count == 0)
            {
                yield break;
            }

            after = page.Objects[^1].Key;
        }
    }

    /// <summary>Deletes the keys, a DeleteObjects call per 1,000; keys that do not exist are no error (idempotent).</summary>
    public async Task DeleteAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(MaxDeleteBatch))
        {
            try
            {
                var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = Name,
                    Objects = [.. batch.Select(key => new KeyVersion { Key = key })],
                    Quiet = true,
                }, ct);
                if (response.DeleteErrors is not { Count: > 0 })
                {
                    continue;
                }
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.InternalServerError)
            {
                // Below.
            }

            await DeleteOneByOneAsync(batch, ct);
        }
    }

    /// <summary>
    /// What a failed batch falls back to. s3rver (not S3) answers 500 to deleting a key whose folder
    /// is already gone, and when two deletes in one folder race to remove it: each key is deleted
    /// alone, only if it still exists, with a retry for the race.
    /// </summary>
    private async Task DeleteOneByOneAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            for (var attempt = 1; await ExistsAsync(key, ct); attempt++)
            {
                try
                {
                    await s3.DeleteObjectAsync(Name, key, ct);
                    break;
                }
                catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.InternalServerError && attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
                }
            }
        }
    }

    public static PutObjectRequest Unchunked(PutObjectRequest request)
    {
        request.UseChunkEncoding = false;
        return request;
    }

    public static UploadPartRequest Unchunked(UploadPartRequest request)
    {
        request.UseChunkEncoding = false;
        return request;
    }
}
