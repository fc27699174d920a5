using Amazon.S3;
using Amazon.S3.Model;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>Buckets of the real s3rver for one test class each.</summary>
public static class TestBuckets
{
    public static AmazonS3Client Client() => new(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = TestServers.S3,
        ForcePathStyle = true,
        UseHttp = true,
        AuthenticationRegion = "us-east-1",
    });

    /// <summary>Empties and removes the bucket; best effort, s3rver's data directory is the test run's.</summary>
    public static async Task DeleteAsync(string bucket)
    {
        try
        {
            using var s3 = Client();
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
