using Amazon.S3;
using Amazon.S3.Model;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>Buckets of the real s3rver for one test class each.</summary>
public static class TestBuckets
{
    /// <param name="url">An S3 server; the test servers' when null.</param>
    public static AmazonS3Client Client(string? url = null) => new(new Amazon.Runtime.BasicAWSCredentials(TestServers.S3AccessKey, TestServers.S3SecretKey), new AmazonS3Config
    {
        ServiceURL = url ?? TestServers.S3,
        ForcePathStyle = true,
        UseHttp = true,
        AuthenticationRegion = "us-east-1",
    });

    /// <summary>Empties and removes the bucket; best effort, s3rver's data directory is the test run's.</summary>
    public static async Task DeleteAsync(string bucket, string? url = null)
    {
        try
        {
            using var s3 = Client(url);
            string? after = null;
            while (true)
            {
                var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, StartAfter = after });
                var objects = page.S3Objects ?? [];
                if (objects.Count > 0)
                {
                    await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [.. objects.Select(o => new KeyVersion { Key = o.Key })] });
                    after = objects[^1].Key;
                }

                if (page.IsTruncated != true)
                {
                    break;
                }
            }

            await s3.DeleteBucketAsync(bucket);
        }
        catch (AmazonS3Exception)
        {
            // Left for the run's data directory to take with it.
        }
    }
}
