using System.Buffers;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Tripmate.Files.ContentTypes;
using Tripmate.Files.Store;

namespace Tripmate.Files.Uploads;

/// <summary>What was stored: the size, SHA-256 (hex) and the type its bytes were found to be.</summary>
public sealed record StoredContent(long Size, string Sha256, string ContentType);

/// <summary>
/// Streams a file into the bucket holding one part in memory (<see cref="FilesOptions.PartSize"/>):
/// a file that fits is one PutObject, a larger one an S3 multipart upload, part after part. The
/// SHA-256 is computed on the way and the type decided from the first bytes before anything is
/// written. Whatever fails (too large, not allowed, the client gone, S3 away), nothing is left:
/// the multipart upload is aborted and the object deleted.
/// </summary>
public sealed class ObjectUpload(Bucket bucket, IOptions<FilesOptions> options)
{
    /// <param name="beforeFirstWrite">Runs once the bytes were accepted, before the first write (marks the upload pending).</param>
    public async Task<StoredContent> WriteAsync(
        string key, Stream source, string fileName, Func<CancellationToken, Task> beforeFirstWrite, CancellationToken ct)
    {
        var limit = options.Value.MaxFileBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(options.Value.PartSize);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? multipartId = null;
        var wroteObject = false;
        try
        {
            var filled = await FillAsync(source, buffer, options.Value.PartSize, sha256, ct);
            var size = (long)filled;
            var ended = filled < options.Value.PartSize;
            if (size > limit)
            {
                throw new FileTooLargeException(limit);
            }

            var head = buffer.AsSpan(0, Math.Min(filled, ContentSniffer.HeadLength));
            var contentType = ContentSniffer.Detect(head, fileName, isWholeFile: ended && filled <= ContentSniffer.HeadLength)
                ?? throw new UnsupportedContentException();
            await beforeFirstWrite(ct);
            if (ended)
            {
                wroteObject = true;
                await bucket.Client.PutObjectAsync(Bucket.Unchunked(new PutObjectRequest
                {
                    BucketName = bucket.Name, Key = key, ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                }), ct);
                return new StoredContent(size, Convert.ToHexStringLower(sha256.GetHashAndReset()), contentType);
            }

            multipartId = (await bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = bucket.Name, Key = key, ContentType = contentType,
            }, ct)).UploadId;
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                parts.Add(await UploadPartAsync(key, multipartId, parts.Count + 1, buffer, filled, ct));
                filled = await FillAsync(source, buffer, options.Value.PartSize, sha256, ct);
                size += filled;
                if (size > limit)
                {
                    throw new FileTooLargeException(limit);
                }
            }

            wroteObject = true;
            await bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket.Name, Key = key, UploadId = multipartId, PartETags = parts,
            }, ct);
            return new StoredContent(size, Convert.ToHexStringLower(sha256.GetHashAndReset()), contentType);
        }
        catch
        {
            await LeaveNothingAsync(key, multipartId, wroteObject);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<PartETag> UploadPartAsync(string key, string uploadId, int number, byte[] buffer, int length, CancellationToken ct)
    {
        var response = await bucket.Client.UploadPartAsync(Bucket.Unchunked(new UploadPartRequest
        {
            BucketName = bucket.Name, Key = key, UploadId = uploadId, PartNumber = number,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
        }), ct);
        return new PartETag(number, response.ETag);
    }

    /// <summary>Reads until the buffer holds <paramref name="size"/> bytes or the source ends; hashes what it read.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, int size, IncrementalHash sha256, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < size && (read = await source.ReadAsync(buffer.AsMemory(filled, size - filled), ct)) > 0)
        {
            sha256.AppendData(buffer, filled, read);
            filled += read;
        }

        return filled;
    }

    /// <summary>Not with the request's token: a client that left must not leave its parts behind.</summary>
    private async Task LeaveNothingAsync(string key, string? multipartId, bool wroteObject)
    {
        try
        {
            if (multipartId is not null)
            {
                await bucket.Client.AbortMultipartUploadAsync(bucket.Name, key, multipartId, CancellationToken.None);
            }

            if (wroteObject || multipartId is not null)
            {
                await bucket.DeleteAsync([key], CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // S3 is away: the pending-upload sweep removes it later (Housekeeping/PendingUploadSweep).
        }
    }
}
