using System.Buffers;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Tripmate.Files.ContentTypes;
using Tripmate.Files.Store;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>The PATCH body does not hash to its <c>Upload-Checksum</c>: nothing of it was kept (tus 460).</summary>
public sealed class ChecksumMismatchException() : Exception("The chunk's checksum does not match Upload-Checksum; its bytes were not kept.");

/// <summary>The PATCH would take the upload past its declared Upload-Length.</summary>
public sealed class BeyondLengthException() : Exception("The chunk goes beyond the upload's Upload-Length.");

/// <summary>
/// Appends chunks to a resumable upload, backed by one S3 multipart upload. A chunk is kept as a
/// staged object first (S3 parts must be at least 5 MiB but tus chunks may be of any size); once
/// the staged bytes fill a part they become one, and the staged objects go. At the last byte the
/// multipart upload is completed, the SHA-256 computed by reading the object back, and the upload
/// becomes a file like any other (same sniffing, limit, record and <c>FileUploaded</c>).
/// <para>
/// Every step is written before the session that points at it: a crash leaves the session at the
/// offset before the chunk, the client resends from there, and the objects written meanwhile are
/// overwritten (their keys come from the offset or the part number). A session that reached its
/// end but whose file was not recorded is finished by the next PATCH; an abandoned one is removed
/// by the sweep at its expiry.
/// </para>
/// </summary>
public sealed class ResumableUpload(Bucket bucket, UploadSessions sessions, FileRecorder recorder, IOptions<FilesOptions> options, TimeProvider clock)
{
    /// <param name="checksum">The algorithm and expected digest of <c>Upload-Checksum</c>, if sent.</param>
    public async Task<UploadSession> AppendAsync(UploadSession session, Stream body, (HashAlgorithmName Algorithm, byte[] Digest)? checksum, CancellationToken ct)
    {
        var partSize = options.Value.PartSize;
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        using var hash = checksum is { } expected ? IncrementalHash.CreateHash(expected.Algorithm) : null;
        var staged = new List<StagedChunk>();
        var offset = session.Offset;
        try
        {
            int filled;
            while ((filled = await FillAsync(body, buffer, partSize, ct)) > 0)
            {
                if (offset + filled > session.Length)
                {
                    throw new BeyondLengthException();
                }

                hash?.AppendData(buffer, 0, filled);
                if (session.ContentType is null)
                {
                    var head = buffer.AsSpan(0, Math.Min(filled, ContentSniffer.HeadLength));
                    session = session with
                    {
                        ContentType = ContentSniffer.Detect(head, session.Name, isWholeFile: filled == session.Length && filled <= ContentSniffer.HeadLength)
                            ?? throw new UnsupportedContentException(),
                    };
                }

                await bucket.PutAsync(BucketKeys.StagedChunk(session.Id, offset), buffer.AsMemory(0, filled), "application/octet-stream", ct);
                staged.Add(new StagedChunk(offset, filled));
                offset += filled;
            }
        }
        catch
        {
            await bucket.DeleteAsync(staged.Select(s => BucketKeys.StagedChunk(session.Id, s.Offset)), CancellationToken.None);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (checksum is { } sent && !CryptographicOperations.FixedTimeEquals(hash!.GetHashAndReset(), sent.Digest))
        {
            await bucket.DeleteAsync(staged.Select(s => BucketKeys.StagedChunk(session.Id, s.Offset)), CancellationToken.None);
            throw new ChecksumMismatchException();
        }

        session = session with { Offset = offset, Staged = [.. session.Staged, .. staged] };
        await sessions.SaveAsync(session, ct);
        while (session.StagedBytes >= partSize || (session.IsComplete && session.Staged.Count > 0))
        {
            session = await FlushStagedAsync(session, ct);
        }

        if (session.IsComplete)
        {
            await FinishAsync(session, ct);
        }

        return session;
    }

    /// <summary>The staged chunks become one part (or, for a file smaller than a part, the whole object).</summary>
    private async Task<UploadSession> FlushStagedAsync(UploadSession session, CancellationToken ct)
    {
        var flushed = session.Staged;
        var length = (int)session.StagedBytes;
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            foreach (var chunk in session.Staged)
            {
                using var response = await bucket.Client.GetObjectAsync(bucket.Name, BucketKeys.StagedChunk(session.Id, chunk.Offset), ct);
                await response.ResponseStream.ReadExactlyAsync(bytes.AsMemory(at, chunk.Length), ct);
                at += chunk.Length;
            }

            var key = BucketKeys.Content(session.Id);
            if (session.IsComplete && session.Parts.Count == 0 && session.MultipartUploadId is null)
            {
                await recorder.MarkPendingAsync(session.Id, ct);
                await bucket.Client.PutObjectAsync(Bucket.Unchunked(new PutObjectRequest
                {
                    BucketName = bucket.Name, Key = key, ContentType = session.ContentType,
                    InputStream = new MemoryStream(bytes, 0, length, writable: false),
                }), ct);
                session = session with { Parts = [], Staged = [] };
            }
            else
            {
                if (session.MultipartUploadId is null)
                {
                    await recorder.MarkPendingAsync(session.Id, ct);
                    var started = await bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
                    {
                        BucketName = bucket.Name, Key = key, ContentType = session.ContentType,
                    }, ct);
                    session = session with { MultipartUploadId = started.UploadId };
                    await sessions.SaveAsync(session, ct);
                }

                var number = session.Parts.Count + 1;
                var part = await bucket.Client.UploadPartAsync(Bucket.Unchunked(new UploadPartRequest
                {
                    BucketName = bucket.Name, Key = key, UploadId = session.MultipartUploadId, PartNumber = number,
                    InputStream = new MemoryStream(bytes, 0, length, writable: false),
                }), ct);
                session = session with { Parts = [.. session.Parts, new UploadedPart(number, part.ETag, length)], Staged = [] };
            }

            await sessions.SaveAsync(session, ct);
            await bucket.DeleteAsync(flushed.Select(s => BucketKeys.StagedChunk(session.Id, s.Offset)), ct);
            return session;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Completes the object, hashes it as stored, records the file, and forgets the session.</summary>
    private async Task FinishAsync(UploadSession session, CancellationToken ct)
    {
        var key = BucketKeys.Content(session.Id);
        var contentType = session.ContentType ?? ContentSniffer.Detect([], session.Name, isWholeFile: true) ?? throw new UnsupportedContentException();
        if (session.Length == 0)
        {
            await recorder.MarkPendingAsync(session.Id, ct);
            await bucket.PutAsync(key, ReadOnlyMemory<byte>.Empty, contentType, ct);
        }
        else if (session.MultipartUploadId is not null && !await bucket.ExistsAsync(key, ct)) // completed already by a request that died after it
        {
            await bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket.Name, Key = key, UploadId = session.MultipartUploadId, PartETags = [.. session.PartETags],
            }, ct);
        }

        string sha256;
        using (var response = await bucket.Client.GetObjectAsync(bucket.Name, key, ct))
        using (var hash = SHA256.Create())
        {
            sha256 = Convert.ToHexStringLower(await hash.ComputeHashAsync(response.ResponseStream, ct));
        }

        await recorder.RecordAsync(session.Id, session.OwnerId, session.Name,
            new StoredContent(session.Length, sha256, contentType), FileRecorder.Now(clock), ct);
        await sessions.DeleteAsync(session, ct);
    }

    /// <summary>Termination, or expiry: the session, its staged chunks, its multipart upload and any bytes written.</summary>
    public async Task AbandonAsync(UploadSession session, CancellationToken ct)
    {
        if (session.MultipartUploadId is not null)
        {
            try
            {
                await bucket.Client.AbortMultipartUploadAsync(bucket.Name, BucketKeys.Content(session.Id), session.MultipartUploadId, ct);
            }
            catch (Amazon.S3.AmazonS3Exception e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed)
            {
                // Gone already; or s3rver, which cannot abort (S3 and MinIO can).
            }
        }

        await bucket.DeleteAsync([BucketKeys.Content(session.Id), BucketKeys.Pending(session.Id)], ct);
        await sessions.DeleteAsync(session, ct);
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, int size, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < size && (read = await source.ReadAsync(buffer.AsMemory(filled, size - filled), ct)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
