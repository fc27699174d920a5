using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using System.Globalization;
using Tripmate.Files.Store;
using Tripmate.Files.Uploads.Resumable;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Housekeeping;

/// <summary>
/// Removes what no request will finish: bytes of uploads that died mid-way (a pending mark older
/// than any upload takes, see Uploads/FileRecorder), S3 multipart uploads as old, and processed
/// event ids past their retention. Every instance may run it: all it does is delete, and deleting
/// twice is harmless.
/// </summary>
public sealed class BucketSweep(
    Bucket bucket, UploadSessions sessions, ResumableUpload resumable, IOptions<FilesOptions> options, IOptions<MessageBusOptions> bus, TimeProvider clock, ILogger<BucketSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The bucket sweep failed; it runs again in {Interval}.", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await AbandonExpiredUploadsAsync(now, ct);
        var abandonedBefore = now - options.Value.AbandonedUploadAge;
        var abandoned = new List<string>();
        await foreach (var mark in bucket.ListAllAsync(BucketKeys.PendingPrefix, ct))
        {
            if (mark.LastModified < abandonedBefore && Guid.TryParse(mark.Key[BucketKeys.PendingPrefix.Length..], out var fileId))
            {
                abandoned.AddRange([BucketKeys.Content(fileId), mark.Key]);
            }
        }

        await bucket.DeleteAsync(abandoned, ct);
        await AbortMultipartUploadsAsync(abandonedBefore, ct);

        var processedBefore = now - bus.Value.ProcessedEventRetention;
        var expired = new List<string>();
        await foreach (var processed in bucket.ListAllAsync(BucketKeys.ProcessedPrefix, ct))
        {
            if (processed.LastModified < processedBefore)
            {
                expired.Add(processed.Key);
            }
        }

        await bucket.DeleteAsync(expired, ct);
    }

    /// <summary>Resumable uploads past their expiry (tus expiration): the index is oldest first, so this stops at the first still valid.</summary>
    private async Task AbandonExpiredUploadsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await foreach (var entry in bucket.ListAllAsync(BucketKeys.UploadExpiryPrefix, ct))
        {
            var name = entry.Key[BucketKeys.UploadExpiryPrefix.Length..];
            if (name.Length != 50 || !long.TryParse(name[..13], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs)
                || !Guid.TryParse(name[14..], out var uploadId))
            {
                continue;
            }

            if (DateTimeOffset.FromUnixTimeMilliseconds(expiresMs) > now)
            {
                return;
            }

            if (await sessions.FindAsync(uploadId, ct) is { } session)
            {
                await resumable.AbandonAsync(session, ct);
            }
            else
            {
                await bucket.DeleteAsync([entry.Key], ct); // finished or terminated meanwhile
            }
        }
    }

    private async Task AbortMultipartUploadsAsync(DateTimeOffset startedBefore, CancellationToken ct)
    {
        ListMultipartUploadsResponse uploads;
        try
        {
            uploads = await bucket.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket.Name }, ct);
        }
        catch (Amazon.S3.AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotImplemented)
        {
            return; // s3rver cannot list them; S3 and MinIO can (and a lifecycle rule may abort them too)
        }

        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            if (upload.Initiated is { } initiated && new DateTimeOffset(initiated, TimeSpan.Zero) < startedBefore)
            {
                await bucket.Client.AbortMultipartUploadAsync(bucket.Name, upload.Key, upload.UploadId, ct);
            }
        }
    }
}
