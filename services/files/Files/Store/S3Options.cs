namespace Tripmate.Files.Store;

/// <summary>The <c>S3</c> section: the bucket that is the files service's only store.</summary>
public sealed class S3Options
{
    public const string Section = "S3";

    /// <summary>The endpoint the service talks to (s3rver, MinIO); empty for AWS itself (then <see cref="Region"/> decides).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The endpoint clients reach for pre-signed download URLs, when it differs from
    /// <see cref="ServiceUrl"/> (an internal address behind a public one); empty: the same.
    /// </summary>
    public string? PublicUrl { get; set; }

    public string Bucket { get; set; } = "tripmate-files";

    public string Region { get; set; } = "us-east-1";

    /// <summary>Static credentials (s3rver's are S3RVER/S3RVER); empty: the SDK's default chain (instance roles, environment).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>
    /// The store checks signatures on pre-signed URLs (S3, MinIO): only then are download links
    /// offered (<c>download-url</c>); elsewhere (s3rver checks none) the service streams every
    /// download and the link is its own content URL, so no client ever talks to an open store.
    /// </summary>
    public bool VerifiesSignatures { get; set; }

    /// <summary>
    /// The store honours conditional writes (<c>If-None-Match: *</c>, <c>If-Match</c>: S3 since
    /// 2024, MinIO): leases and claims are then compare-and-set across instances. s3rver ignores
    /// them; without it, see <see cref="Bucket.TryCreateAsync"/> for what still holds.
    /// </summary>
    public bool ConditionalWrites { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>), as s3rver and MinIO need; AWS accepts both.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
