namespace Tripmate.Files;

/// <summary>The <c>Files</c> section: limits and timings of the files service.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, by either upload path; more is a 413. 100 MiB, the gateway's body limit on /api/files.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Bytes buffered per S3 part while streaming an upload, the only copy of the file a request
    /// holds in memory. At least 5 MiB, S3's smallest part (the last excepted).
    /// </summary>
    public int PartSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long an unfinished resumable upload may wait for its next chunk before the sweep removes it (tus expiration).</summary>
    public TimeSpan UploadExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An upload still marked pending after this long died mid-way (the instance crashed): the
    /// sweep deletes its bytes and aborts its multipart upload. Longer than any upload takes.
    /// </summary>
    public TimeSpan AbandonedUploadAge { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Identity's base URL, asked whether a caller is a member of a group a file is shared with.</summary>
    public string? IdentityUrl { get; set; }

    /// <summary>How long a group membership answer is reused; a <c>GroupMemberRemoved</c> evicts it at once.</summary>
    public TimeSpan MembershipCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a pre-signed link works: also how long a revoked share or a deleted file can still be
    /// read through a link handed out before (the streamed content URL ends access at once).
    /// </summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shares one file may have: every read by a group member checks them, so they are bounded.</summary>
    public int MaxSharesPerFile { get; set; } = 100;
}
